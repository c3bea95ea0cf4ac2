//! Hand-made name variant groups by origin.
//!
//! Each [`Variants`] is one name as English (UK agencies), French and German officers
//! romanise it, plus other spellings seen in the wild. Dutch forms are derived from the
//! English one by [`dutch_form`]. Within a pool, earlier entries are more common (the
//! generator draws with Zipf-like weights), so the first names of a pool produce the
//! "Mohammed Ahmadi" crowds that make exact matching merge different people.

#[derive(Debug)]
pub struct Variants {
    pub en: &'static str,
    pub fr: &'static str,
    pub de: &'static str,
    pub other: &'static [&'static str],
}

const fn v(
    en: &'static str,
    fr: &'static str,
    de: &'static str,
    other: &'static [&'static str],
) -> Variants {
    Variants { en, fr, de, other }
}

/// How an origin's names are structured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// Given name(s) + family name.
    Western,
    /// Family name is the father's given name; a grandfather's name may follow as a
    /// second given name (Iraqi, Eritrean, Sudanese).
    Patronymic,
    /// Often a single name only (many Afghans); otherwise given + tribal/family name.
    OftenSingle,
    /// Family name written first, a middle name, then the given name (Vietnamese).
    FamilyFirst,
}

#[derive(Debug)]
pub struct NamePool {
    pub naming: Naming,
    pub male: &'static [Variants],
    pub female: &'static [Variants],
    pub family: &'static [Variants],
    /// Vietnamese middle names (Van, Thi, ...); empty elsewhere.
    pub middle_male: &'static [Variants],
    pub middle_female: &'static [Variants],
}

pub static AFGHAN: NamePool = NamePool {
    naming: Naming::OftenSingle,
    male: &[
        v(
            "Mohammad",
            "Mohammad",
            "Mohammad",
            &["Mohammed", "Muhammad", "Mohamad"],
        ),
        v("Ahmad", "Ahmad", "Achmad", &["Ahmed", "Ahmet"]),
        v(
            "Abdul Rahman",
            "Abdourrahmane",
            "Abdul Rahman",
            &["Abdulrahman", "Abdurrahman", "Abdel Rahman"],
        ),
        v("Gul", "Goul", "Gul", &["Gol"]),
        v(
            "Zabihullah",
            "Zabihoullah",
            "Sabihullah",
            &["Zabiullah", "Zabiollah"],
        ),
        v(
            "Rahmatullah",
            "Rahmatoullah",
            "Rahmatullah",
            &["Rahmatollah"],
        ),
        v(
            "Najibullah",
            "Nadjiboullah",
            "Nadschibullah",
            &["Najeebullah"],
        ),
        v("Hamid", "Hamid", "Hamid", &["Hameed"]),
        v("Jawad", "Djawad", "Dschawad", &["Javad", "Jawaad"]),
        v("Shafiq", "Chafiq", "Schafik", &["Shafeeq", "Shafik"]),
        v("Khalid", "Khaled", "Chalid", &["Khaled"]),
        v("Bilal", "Bilal", "Bilal", &["Belal"]),
        v("Farid", "Farid", "Farid", &["Fareed"]),
        v("Wahid", "Ouahid", "Wahid", &["Waheed"]),
        v("Noor", "Nour", "Nur", &["Nur"]),
        v("Sayed", "Saied", "Sajed", &["Sayyid", "Said"]),
        v("Habib", "Habib", "Habib", &["Habeeb"]),
        v("Yousuf", "Youssouf", "Jusuf", &["Yusuf", "Yosuf"]),
        v("Javid", "Djavid", "Dschawid", &["Jawid", "Javed"]),
        v("Ismail", "Ismaël", "Ismail", &["Esmail"]),
    ],
    female: &[
        v("Fatima", "Fatima", "Fatima", &["Fatema", "Fatimah"]),
        v("Maryam", "Myriam", "Marjam", &["Mariam"]),
        v("Zainab", "Zeinab", "Sainab", &["Zeinab"]),
        v("Nargis", "Narguis", "Nargis", &["Narges"]),
        v("Shabnam", "Chabnam", "Schabnam", &[]),
    ],
    family: &[
        v("Ahmadi", "Ahmadi", "Achmadi", &["Ahmady"]),
        v("Rahimi", "Rahimi", "Rahimi", &["Rahimy"]),
        v(
            "Mohammadi",
            "Mohammadi",
            "Mohammadi",
            &["Muhammadi", "Mohamadi"],
        ),
        v("Hakimi", "Hakimi", "Hakimi", &["Hakimy"]),
        v("Safi", "Safi", "Safi", &["Saafi"]),
        v("Karimi", "Karimi", "Karimi", &["Kareemi"]),
        v("Stanikzai", "Stanikzaï", "Stanikzai", &["Stanekzai"]),
        v("Popal", "Popal", "Popal", &[]),
        v("Jalali", "Djalali", "Dschalali", &["Jallali"]),
        v("Hashimi", "Hachimi", "Haschimi", &["Hashemi"]),
        v("Noori", "Nouri", "Nuri", &["Nuri"]),
        v("Sultani", "Soultani", "Sultani", &[]),
        v("Azizi", "Azizi", "Asisi", &[]),
        v("Amiri", "Amiri", "Amiri", &["Ameeri"]),
        v("Shinwari", "Chinwari", "Schinwari", &["Shinwary"]),
        v("Wardak", "Ouardak", "Wardak", &[]),
        v("Yusufzai", "Youssoufzaï", "Jusufsai", &["Yousafzai"]),
        v("Khan", "Khan", "Chan", &[]),
    ],
    middle_male: &[],
    middle_female: &[],
};

pub static KURDISH: NamePool = NamePool {
    naming: Naming::Patronymic,
    male: &[
        v(
            "Mohammed",
            "Mohamed",
            "Mohammed",
            &["Muhammad", "Mohamad", "Mohammad"],
        ),
        v("Ahmed", "Ahmed", "Achmed", &["Ahmad"]),
        v("Kaiwan", "Kaywan", "Kajwan", &["Kaywan", "Kayvan"]),
        v("Rebwar", "Rebouar", "Rebwar", &["Rebuar"]),
        v("Karwan", "Karouan", "Karwan", &[]),
        v("Shwan", "Chouane", "Schwan", &["Shuan"]),
        v("Dilshad", "Dilchad", "Dilschad", &["Delshad"]),
        v("Sherwan", "Cherwan", "Scherwan", &["Shirwan"]),
        v("Hawre", "Haoure", "Hawre", &["Hawri"]),
        v("Aso", "Asso", "Aso", &[]),
        v("Zana", "Zana", "Sana", &[]),
        v("Hiwa", "Hiwa", "Hiwa", &["Hewa"]),
        v("Bakhtiyar", "Bakhtiar", "Bachtijar", &["Bakhtiar"]),
        v("Jamal", "Djamal", "Dschamal", &["Jamaal"]),
        v("Omar", "Oumar", "Omar", &["Umar"]),
        v("Hemin", "Hémin", "Hemin", &[]),
        v("Soran", "Souran", "Soran", &[]),
        v("Yousif", "Youssef", "Jusif", &["Yousef", "Yusuf"]),
        v("Hussein", "Houssein", "Hussein", &["Hussain", "Husein"]),
        v("Rashid", "Rachid", "Raschid", &["Rasheed"]),
        v("Qadir", "Kadir", "Kadir", &["Qader", "Kader"]),
        v("Aziz", "Aziz", "Asis", &[]),
        v("Jalal", "Djalal", "Dschalal", &[]),
        v("Karim", "Karim", "Karim", &["Kareem"]),
        v("Osman", "Othman", "Osman", &["Uthman", "Usman"]),
        v("Salih", "Saleh", "Salih", &["Saleh"]),
        v("Rasool", "Rassoul", "Rasul", &["Rasul"]),
        v("Abdullah", "Abdallah", "Abdullah", &["Abdulla"]),
        v("Faraj", "Faradj", "Faradsch", &[]),
        v("Sharif", "Charif", "Scharif", &["Shareef"]),
    ],
    female: &[
        v("Shilan", "Chilan", "Schilan", &[]),
        v("Nazanin", "Nazanine", "Nasanin", &[]),
        v("Avin", "Avine", "Awin", &[]),
        v("Bayan", "Bayane", "Bajan", &[]),
        v("Sozan", "Sozane", "Sosan", &[]),
    ],
    // Kurdish family names used alongside patronymics.
    family: &[
        v("Poore", "Pour", "Pur", &["Pour", "Poor"]),
        v("Hama", "Hama", "Hama", &[]),
        v("Kurdi", "Kurdi", "Kurdi", &["Kordi"]),
        v("Barzani", "Barzani", "Barsani", &[]),
        v("Zangana", "Zangana", "Sangana", &["Zengana"]),
        v("Jaff", "Djaff", "Dschaff", &["Jaf"]),
        v("Talabani", "Talabani", "Talabani", &[]),
    ],
    middle_male: &[],
    middle_female: &[],
};

pub static IRANIAN: NamePool = NamePool {
    naming: Naming::Western,
    male: &[
        v("Mohammad", "Mohammad", "Mohammad", &["Mohammed", "Mohamad"]),
        v("Ali", "Ali", "Ali", &["Aly"]),
        v("Reza", "Réza", "Resa", &[]),
        v("Hossein", "Hossein", "Hossein", &["Hosein", "Hussein"]),
        v("Mehdi", "Mehdi", "Mehdi", &["Mahdi"]),
        v("Amir", "Amir", "Amir", &["Ameer"]),
        v("Saeed", "Saïd", "Said", &["Saeid", "Said"]),
        v("Javad", "Djavad", "Dschawad", &["Jawad"]),
        v("Mohsen", "Mohsen", "Mohsen", &["Mohsin"]),
        v("Hamed", "Hamed", "Hamed", &["Hamid"]),
        v("Farshid", "Farchid", "Farschid", &[]),
        v("Shahab", "Chahab", "Schahab", &[]),
        v("Kourosh", "Kouroch", "Kurosch", &["Kurosh", "Koorosh"]),
        v("Babak", "Babak", "Babak", &[]),
        v("Arash", "Arach", "Arasch", &[]),
    ],
    female: &[
        v("Maryam", "Myriam", "Marjam", &["Mariam"]),
        v("Zahra", "Zahra", "Sahra", &[]),
        v("Fatemeh", "Fatemeh", "Fateme", &["Fatema", "Fatima"]),
        v("Leila", "Leïla", "Laila", &["Leyla"]),
        v("Shirin", "Chirine", "Schirin", &[]),
        v("Nasrin", "Nasrine", "Nasrin", &[]),
    ],
    family: &[
        v("Mohammadi", "Mohammadi", "Mohammadi", &["Mohamadi"]),
        v(
            "Hosseini",
            "Hosseini",
            "Hosseini",
            &["Husseini", "Hosseyni"],
        ),
        v("Ahmadi", "Ahmadi", "Achmadi", &[]),
        v("Rezaei", "Rézaï", "Resai", &["Rezaie", "Rezai"]),
        v("Karimi", "Karimi", "Karimi", &[]),
        v("Jafari", "Djafari", "Dschafari", &["Jaafari", "Jafary"]),
        v("Ghorbani", "Ghorbani", "Gorbani", &["Qorbani"]),
        v("Moradi", "Moradi", "Moradi", &[]),
        v("Rahimi", "Rahimi", "Rahimi", &[]),
        v("Kazemi", "Kazémi", "Kasemi", &["Kazimi"]),
        v("Sadeghi", "Sadeghi", "Sadegi", &["Sadeqi"]),
        v("Heidari", "Heidari", "Haidari", &["Heydari", "Haidari"]),
        v("Shirazi", "Chirazi", "Schirasi", &[]),
        v("Esmaili", "Esmaïli", "Esmaili", &["Ismaili", "Esmaeili"]),
    ],
    middle_male: &[],
    middle_female: &[],
};

pub static ERITREAN: NamePool = NamePool {
    naming: Naming::Patronymic,
    male: &[
        v("Tesfay", "Tesfaye", "Tesfai", &["Tesfaye", "Tesfai"]),
        v("Yonas", "Yonas", "Jonas", &["Yonass"]),
        v("Dawit", "Daouit", "Dawit", &["Dawitt"]),
        v("Habtom", "Habtom", "Habtom", &["Habtemariam"]),
        v("Mebrahtu", "Mebrahtou", "Mebrahtu", &["Mebrahtom"]),
        v("Tekle", "Teklé", "Tekle", &["Tecle"]),
        v("Berhane", "Berhané", "Berhane", &["Berhani"]),
        v("Kidane", "Kidané", "Kidane", &[]),
        v("Filmon", "Philemon", "Filmon", &[]),
        v("Samuel", "Samuel", "Samuel", &["Semere"]),
        v("Ermias", "Ermias", "Ermias", &["Ermiyas"]),
        v("Robel", "Robel", "Robel", &[]),
        v(
            "Gebre Medhin",
            "Gebremedhin",
            "Gebre Medhin",
            &["Gebremedhin", "Ghebremedhin", "Gebre-Medhin"],
        ),
        v(
            "Wolde Mariam",
            "Woldemariam",
            "Wolde Mariam",
            &["Woldemariam", "Woldemaryam"],
        ),
        v("Haile", "Hailé", "Haile", &["Hayle"]),
        v("Tewelde", "Teweldé", "Tewelde", &["Tewolde"]),
        v("Berhe", "Berhé", "Berhe", &[]),
        v("Kahsay", "Kahsai", "Kahsai", &["Kasai"]),
        v("Hagos", "Hagoss", "Hagos", &[]),
        v("Tsegay", "Tségaye", "Tsegai", &["Tsegaye"]),
    ],
    female: &[
        v("Senait", "Senaït", "Senait", &[]),
        v("Helen", "Hélène", "Helen", &[]),
        v("Selam", "Sélam", "Selam", &["Selamawit"]),
        v("Yordanos", "Yordanos", "Jordanos", &[]),
        v("Saba", "Saba", "Saba", &[]),
        v("Mehret", "Méhret", "Mehret", &["Mihret"]),
    ],
    family: &[
        v("Ghebreyesus", "Ghebreyesus", "Gebrejesus", &["Gebreyesus"]),
        v(
            "Tesfamariam",
            "Tesfamariam",
            "Tesfamariam",
            &["Tesfamaryam"],
        ),
        v("Asmerom", "Asmerom", "Asmerom", &[]),
        v("Woldu", "Woldou", "Woldu", &[]),
    ],
    middle_male: &[],
    middle_female: &[],
};

pub static SUDANESE: NamePool = NamePool {
    naming: Naming::Patronymic,
    male: &[
        v(
            "Mohamed",
            "Mohamed",
            "Mohamed",
            &["Mohammed", "Muhammad", "Mohammad"],
        ),
        v("Ahmed", "Ahmed", "Achmed", &["Ahmad"]),
        v(
            "Abdelrahman",
            "Abderrahmane",
            "Abdelrahman",
            &["Abdul Rahman", "Abdulrahman", "Abdel Rahman"],
        ),
        v("Osman", "Othmane", "Osman", &["Othman", "Usman"]),
        v("Adam", "Adam", "Adam", &["Adem"]),
        v("Ibrahim", "Ibrahim", "Ibrahim", &["Ebrahim"]),
        v("Ismail", "Ismaïl", "Ismail", &["Ismael"]),
        v("Hamza", "Hamza", "Hamsa", &[]),
        v("Mustafa", "Moustafa", "Mustafa", &["Mostafa"]),
        v("Yasir", "Yasser", "Jasir", &["Yassir", "Yasser"]),
        v("Babiker", "Babiker", "Babiker", &["Babikir"]),
        v("Musa", "Moussa", "Musa", &["Mousa"]),
        v("Abdalla", "Abdallah", "Abdalla", &["Abdullah"]),
        v("Hassan", "Hassane", "Hassan", &["Hasan"]),
        v("Idris", "Idriss", "Idris", &["Idrees"]),
        v("Yousif", "Youssef", "Jussuf", &["Yusuf", "Yousef"]),
        v(
            "Abdelkarim",
            "Abdelkarim",
            "Abdelkarim",
            &["Abdel Karim", "Abdulkarim"],
        ),
        v(
            "Elamin",
            "El Amine",
            "Elamin",
            &["El Amin", "Al-Amin", "Alamin"],
        ),
        v("Eltayeb", "El Tayeb", "Eltajeb", &["El Tayeb", "Al-Tayyib"]),
    ],
    female: &[
        v("Amna", "Amna", "Amna", &["Amina"]),
        v("Fatima", "Fatima", "Fatima", &["Fatma"]),
        v("Hawa", "Haoua", "Hawa", &[]),
        v("Mariam", "Mariam", "Marjam", &["Maryam"]),
    ],
    family: &[],
    middle_male: &[],
    middle_female: &[],
};

pub static SYRIAN: NamePool = NamePool {
    naming: Naming::Western,
    male: &[
        v(
            "Mohammad",
            "Mohammad",
            "Mohammad",
            &["Mohammed", "Muhammad"],
        ),
        v("Ahmad", "Ahmad", "Achmad", &["Ahmed"]),
        v("Khaled", "Khaled", "Chaled", &["Khalid"]),
        v("Omar", "Omar", "Omar", &["Umar"]),
        v("Mahmoud", "Mahmoud", "Mahmud", &["Mahmood"]),
        v("Bashar", "Bachar", "Baschar", &[]),
        v("Firas", "Firas", "Firas", &["Feras"]),
        v("Yousef", "Youssef", "Jussef", &["Yusuf"]),
        v("Hussam", "Houssam", "Hussam", &["Hossam"]),
        v("Jihad", "Djihad", "Dschihad", &[]),
        v("Rami", "Rami", "Rami", &["Ramy"]),
    ],
    female: &[
        v("Rania", "Rania", "Rania", &["Ranya"]),
        v("Lina", "Lina", "Lina", &[]),
        v("Nour", "Nour", "Nur", &["Noor"]),
        v("Huda", "Houda", "Huda", &["Hoda"]),
    ],
    family: &[
        v(
            "Al-Hassan",
            "Al Hassan",
            "Al-Hassan",
            &["Alhassan", "El Hassan", "Al Hasan"],
        ),
        v(
            "Al-Ahmad",
            "Al Ahmad",
            "Al-Achmad",
            &["Alahmad", "Al Ahmed"],
        ),
        v("Haddad", "Haddad", "Haddad", &["Hadad"]),
        v("Khoury", "Khouri", "Khuri", &["Khouri", "Khuri"]),
        v("Darwish", "Darwiche", "Darwisch", &["Darwich"]),
        v("Shami", "Chami", "Schami", &["Al-Shami"]),
        v("Hamoud", "Hamoud", "Hamud", &["Hammoud"]),
        v("Al-Ali", "Al Ali", "Al-Ali", &["Alali"]),
        v("Masri", "Masri", "Masri", &["Al-Masri", "El Masri"]),
        v("Qassem", "Kassem", "Kasem", &["Kassem", "Qasim"]),
        v("Sheikh", "Cheikh", "Scheich", &["Shaikh"]),
        v("Al-Zoubi", "Al Zoubi", "Al-Subi", &["Alzubi", "Al Zubi"]),
    ],
    middle_male: &[],
    middle_female: &[],
};

pub static ALBANIAN: NamePool = NamePool {
    naming: Naming::Western,
    male: &[
        v("Arben", "Arben", "Arben", &[]),
        v("Besnik", "Besnik", "Besnik", &[]),
        v("Dritan", "Dritan", "Dritan", &[]),
        v("Ermal", "Ermal", "Ermal", &[]),
        v("Gentian", "Gentian", "Gentian", &["Genti"]),
        v("Ilir", "Ilir", "Ilir", &[]),
        v("Kastriot", "Kastriot", "Kastriot", &[]),
        v("Sokol", "Sokol", "Sokol", &[]),
        v("Flamur", "Flamour", "Flamur", &[]),
        v("Arjan", "Ardjan", "Arjan", &[]),
        v("Erion", "Erion", "Erion", &[]),
        v("Klodian", "Klodian", "Klodian", &[]),
    ],
    female: &[
        v("Elira", "Elira", "Elira", &[]),
        v("Blerta", "Blerta", "Blerta", &[]),
        v("Mirela", "Mirela", "Mirela", &[]),
    ],
    family: &[
        v("Hoxha", "Hoxha", "Hoxha", &["Hodja", "Hoxhaj"]),
        v("Berisha", "Bérisha", "Berisha", &[]),
        v("Krasniqi", "Krasniqi", "Krasniqi", &["Krasniki"]),
        v("Gjoni", "Gjoni", "Gjoni", &["Gjon"]),
        v("Cela", "Çela", "Cela", &["Çela"]),
        v("Shehu", "Chehu", "Schehu", &[]),
        v("Dervishi", "Dervichi", "Derwischi", &[]),
        v("Kola", "Kola", "Kola", &[]),
        v("Leka", "Leka", "Leka", &[]),
        v("Muca", "Muça", "Muca", &["Muça"]),
        v("Basha", "Bacha", "Bascha", &[]),
        v("Ndreu", "Ndreu", "Ndreu", &[]),
    ],
    middle_male: &[],
    middle_female: &[],
};

pub static VIETNAMESE: NamePool = NamePool {
    naming: Naming::FamilyFirst,
    male: &[
        v("Hung", "Hùng", "Hung", &[]),
        v("Tuan", "Tuấn", "Tuan", &[]),
        v("Dung", "Dũng", "Dung", &[]),
        v("Long", "Long", "Long", &[]),
        v("Nam", "Nam", "Nam", &[]),
        v("Thanh", "Thành", "Thanh", &[]),
        v("Minh", "Minh", "Minh", &[]),
        v("Quang", "Quang", "Quang", &[]),
    ],
    female: &[
        v("Linh", "Linh", "Linh", &[]),
        v("Huong", "Hương", "Huong", &[]),
        v("Trang", "Trang", "Trang", &[]),
        v("Lan", "Lan", "Lan", &[]),
    ],
    family: &[
        v("Nguyen", "Nguyễn", "Nguyen", &["Nguyen"]),
        v("Tran", "Trần", "Tran", &[]),
        v("Le", "Lê", "Le", &[]),
        v("Pham", "Phạm", "Pham", &[]),
        v("Hoang", "Hoàng", "Hoang", &["Huynh"]),
        v("Phan", "Phan", "Phan", &[]),
        v("Vu", "Vũ", "Vu", &["Vo"]),
        v("Dang", "Đặng", "Dang", &[]),
        v("Bui", "Bùi", "Bui", &[]),
        v("Do", "Đỗ", "Do", &[]),
    ],
    middle_male: &[
        v("Van", "Văn", "Van", &[]),
        v("Duc", "Đức", "Duc", &[]),
        v("Quoc", "Quốc", "Quoc", &[]),
    ],
    middle_female: &[v("Thi", "Thị", "Thi", &[]), v("Ngoc", "Ngọc", "Ngoc", &[])],
};

pub static BRITISH: NamePool = NamePool {
    naming: Naming::Western,
    male: &[
        v("James", "James", "James", &[]),
        v("John", "John", "John", &[]),
        v("David", "David", "David", &[]),
        v("Daniel", "Daniel", "Daniel", &[]),
        v("Michael", "Michael", "Michael", &[]),
        v("Thomas", "Thomas", "Thomas", &[]),
        v("Ryan", "Ryan", "Ryan", &[]),
        v("Liam", "Liam", "Liam", &[]),
        v("Connor", "Connor", "Connor", &["Conor"]),
        v("Jack", "Jack", "Jack", &[]),
    ],
    female: &[
        v("Sarah", "Sarah", "Sarah", &["Sara"]),
        v("Emma", "Emma", "Emma", &[]),
        v("Laura", "Laura", "Laura", &[]),
    ],
    family: &[
        v("Smith", "Smith", "Smith", &[]),
        v("Jones", "Jones", "Jones", &[]),
        v("Taylor", "Taylor", "Taylor", &[]),
        v("Brown", "Brown", "Brown", &[]),
        v("Williams", "Williams", "Williams", &[]),
        v("Wilson", "Wilson", "Wilson", &[]),
        v("Evans", "Evans", "Evans", &[]),
        v("Walker", "Walker", "Walker", &[]),
        v("Wright", "Wright", "Wright", &[]),
        v("Robinson", "Robinson", "Robinson", &[]),
        v("Hughes", "Hughes", "Hughes", &[]),
        v("Murphy", "Murphy", "Murphy", &[]),
        v("O'Brien", "O'Brien", "O'Brien", &["OBrien", "O Brien"]),
    ],
    middle_male: &[],
    middle_female: &[],
};

pub static FRENCH: NamePool = NamePool {
    naming: Naming::Western,
    male: &[
        v("Jean", "Jean", "Jean", &[]),
        v("Pierre", "Pierre", "Pierre", &[]),
        v("Nicolas", "Nicolas", "Nicolas", &[]),
        v("Julien", "Julien", "Julien", &[]),
        v("Mehdi", "Mehdi", "Mehdi", &[]),
        v("Karim", "Karim", "Karim", &[]),
        v("Sebastien", "Sébastien", "Sebastien", &["Sébastien"]),
        v("Jerome", "Jérôme", "Jerome", &["Jérôme"]),
        v("Francois", "François", "Francois", &["François"]),
    ],
    female: &[
        v("Marie", "Marie", "Marie", &[]),
        v("Sophie", "Sophie", "Sophie", &[]),
        v("Nadia", "Nadia", "Nadia", &[]),
    ],
    family: &[
        v("Martin", "Martin", "Martin", &[]),
        v("Bernard", "Bernard", "Bernard", &[]),
        v("Dubois", "Dubois", "Dubois", &[]),
        v("Petit", "Petit", "Petit", &[]),
        v("Durand", "Durand", "Durand", &[]),
        v("Leroy", "Leroy", "Leroy", &[]),
        v("Moreau", "Moreau", "Moreau", &[]),
        v("Lefevre", "Lefèvre", "Lefevre", &["Lefèvre", "Lefebvre"]),
        v("Mercier", "Mercier", "Mercier", &[]),
        v("Benali", "Benali", "Benali", &["Ben Ali"]),
        v("Bouzid", "Bouzid", "Busid", &[]),
    ],
    middle_male: &[],
    middle_female: &[],
};

/// Dutch officers' romanisation, derived from the English form: sh→sj, kh→ch, oo/ou/u→oe,
/// j→dj, y→j (between letters). Latin-script Western names pass through unchanged.
pub fn dutch_form(en: &str, transliterated: bool) -> String {
    if !transliterated {
        return en.to_string();
    }
    let lower = en.to_lowercase();
    let mut out = String::with_capacity(en.len() + 4);
    let chars: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('s', Some('h')) => {
                out.push_str("sj");
                i += 2;
            }
            ('k', Some('h')) => {
                out.push_str("ch");
                i += 2;
            }
            ('o', Some('o')) | ('o', Some('u')) => {
                out.push_str("oe");
                i += 2;
            }
            ('u', _) => {
                out.push_str("oe");
                i += 1;
            }
            ('j', _) => {
                out.push_str("dj");
                i += 1;
            }
            ('y', Some(n)) if i > 0 && n.is_alphabetic() => {
                out.push('j');
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    // Restore capitals at word starts.
    let mut cap = true;
    out.chars()
        .map(|c| {
            let r = if cap {
                c.to_uppercase().next().unwrap_or(c)
            } else {
                c
            };
            cap = c == ' ' || c == '-' || c == '\'';
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_romanisation_follows_its_rules() {
        assert_eq!(dutch_form("Shafiq", true), "Sjafiq");
        assert_eq!(dutch_form("Yousuf", true), "Yoesoef");
        assert_eq!(dutch_form("Khalid", true), "Chalid");
        assert_eq!(dutch_form("Jawad", true), "Djawad");
        assert_eq!(dutch_form("Al-Hassan", true), "Al-Hassan");
        assert_eq!(dutch_form("Smith", false), "Smith");
    }

    #[test]
    fn every_pool_has_names_for_both_sexes() {
        for pool in [
            &AFGHAN,
            &KURDISH,
            &IRANIAN,
            &ERITREAN,
            &SUDANESE,
            &SYRIAN,
            &ALBANIAN,
            &VIETNAMESE,
            &BRITISH,
            &FRENCH,
        ] {
            assert!(!pool.male.is_empty() && !pool.female.is_empty());
            if pool.naming != Naming::Patronymic {
                assert!(!pool.family.is_empty());
            }
        }
    }
}
