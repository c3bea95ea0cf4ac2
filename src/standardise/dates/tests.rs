use super::*;
use chrono::Datelike;

const REF: i32 = 2025;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn parse_with(s: &str, order: DateOrder) -> ParsedDob {
    parse_dob(Some(s), order, REF)
}

fn parse(s: &str) -> ParsedDob {
    parse_with(s, DateOrder::DayFirst)
}

#[track_caller]
fn assert_exact(s: &str, order: DateOrder, (y, m, d): (i32, u32, u32)) {
    let p = parse_with(s, order);
    assert_eq!(p.quality, DobQuality::Exact, "{s:?} ({order}): {p:?}");
    assert_eq!(p.date, Some(ymd(y, m, d)), "{s:?} ({order})");
    assert_eq!(
        (p.year, p.month, p.day),
        (Some(y), Some(m), Some(d)),
        "{s:?}"
    );
}

#[track_caller]
fn assert_year_only(s: &str, year: i32, month: Option<u32>) {
    let p = parse(s);
    assert_eq!(p.quality, DobQuality::YearOnly, "{s:?}: {p:?}");
    assert_eq!(
        (p.year, p.month, p.day, p.date),
        (Some(year), month, None, None),
        "{s:?}"
    );
    assert_eq!(p.swapped, None, "{s:?}");
}

#[track_caller]
fn assert_missing(s: Option<&str>) {
    assert_eq!(
        parse_dob(s, DateOrder::DayFirst, REF),
        ParsedDob::missing(),
        "{s:?}"
    );
}

#[track_caller]
fn assert_invalid(s: &str, message: &str) {
    let p = parse(s);
    assert_eq!(p.quality, DobQuality::Invalid, "{s:?}: {p:?}");
    let expected = format!("dob: '{}' {message}", s.trim());
    assert_eq!(p.issue.as_deref(), Some(expected.as_str()), "{s:?}");
    let blank = ParsedDob {
        issue: p.issue.clone(),
        quality: DobQuality::Invalid,
        ..ParsedDob::missing()
    };
    assert_eq!(p, blank, "{s:?}");
}

#[track_caller]
fn assert_placeholder(s: &str, year: i32) {
    let p = parse(s);
    assert_eq!(p.quality, DobQuality::Placeholder, "{s:?}: {p:?}");
    assert_eq!(p.date, Some(ymd(year, 1, 1)), "{s:?}");
    assert_eq!(
        (p.year, p.month, p.day, p.swapped),
        (Some(year), None, None, None)
    );
    let note = format!("dob: '{}' looks like a placeholder (01/01)", s.trim());
    assert_eq!(p.issue.as_deref(), Some(note.as_str()), "{s:?}");
}

// --- Missing ----------------------------------------------------------------------

#[test]
fn none_and_blank_are_missing() {
    assert_missing(None);
    for s in [
        "",
        " ",
        "   ",
        "\t",
        "\n",
        " \t\r\n ",
        "\u{a0}",
        "\u{200b}",
        "\u{feff} ",
    ] {
        assert_missing(Some(s));
    }
}

#[test]
fn unknown_words_are_missing() {
    for s in [
        "unknown",
        "Unknown",
        "UNKNOWN",
        "inconnu",
        "Inconnue",
        "unbekannt",
        "Unbekannt",
        "onbekend",
        "n/a",
        "N/A",
        "n.a.",
        "NA",
        "none",
        "null",
        "NaN",
        "non renseigné",
        "Non Renseigné",
        "keine Angabe",
        "k.A.",
        "n.v.t.",
        "DOB: unknown",
        "né le inconnu",
        "\"unknown\"",
    ] {
        assert_missing(Some(s));
    }
}

#[test]
fn punctuation_only_is_missing() {
    for s in [
        "-",
        "--",
        "—",
        "/",
        "//",
        "--/--/----",
        "__.__.____",
        "?",
        "??",
        " - ",
        "(?)",
    ] {
        assert_missing(Some(s));
    }
}

// --- Numeric ------------------------------------------------------------------------

#[test]
fn day_first_numeric_forms() {
    let cases: &[(&str, (i32, u32, u32))] = &[
        ("05/03/1990", (1990, 3, 5)),
        ("05.03.1990", (1990, 3, 5)),
        ("05-03-1990", (1990, 3, 5)),
        ("5/3/1990", (1990, 3, 5)),
        ("5.3.1990", (1990, 3, 5)),
        ("5.3.90", (1990, 3, 5)),
        ("05/03/90", (1990, 3, 5)),
        ("05/03/05", (2005, 3, 5)),
        ("05/03/25", (2025, 3, 5)),
        ("05/03/26", (1926, 3, 5)),
        ("31/12/1999", (1999, 12, 31)),
        ("29/02/2000", (2000, 2, 29)),
        ("28.02.1987", (1987, 2, 28)),
        ("17-11-2003", (2003, 11, 17)),
        ("5. 3. 1990", (1990, 3, 5)),
        ("05 / 03 / 1990", (1990, 3, 5)),
        ("05 . 03 . 1990", (1990, 3, 5)),
        ("05 03 1990", (1990, 3, 5)),
        ("05\\03\\1990", (1990, 3, 5)),
        ("  05/03/1990  ", (1990, 3, 5)),
        ("'05/03/1990'", (1990, 3, 5)),
        ("05..03..1990", (1990, 3, 5)),
        ("05/03//1990", (1990, 3, 5)),
        ("05/03/1990.", (1990, 3, 5)),
    ];
    for &(s, want) in cases {
        assert_exact(s, DateOrder::DayFirst, want);
    }
}

#[test]
fn iso_and_year_first_forms_ignore_the_order() {
    let cases: &[(&str, (i32, u32, u32))] = &[
        ("1990-03-05", (1990, 3, 5)),
        ("1990/03/05", (1990, 3, 5)),
        ("1990.03.05", (1990, 3, 5)),
        ("1990-3-5", (1990, 3, 5)),
        ("2003-11-17", (2003, 11, 17)),
        ("1990 - 03 - 05", (1990, 3, 5)),
    ];
    for order in [
        DateOrder::DayFirst,
        DateOrder::MonthFirst,
        DateOrder::YearFirst,
    ] {
        for &(s, want) in cases {
            assert_exact(s, order, want);
        }
    }
}

#[test]
fn eight_digits_are_year_first_unless_impossible() {
    let cases: &[(&str, (i32, u32, u32))] = &[
        ("19900305", (1990, 3, 5)),
        ("20031117", (2003, 11, 17)),
        ("05031990", (1990, 3, 5)),
        ("20011990", (1990, 1, 20)),
        ("19121990", (1990, 12, 19)),
        ("31121999", (1999, 12, 31)),
    ];
    for &(s, want) in cases {
        assert_exact(s, DateOrder::DayFirst, want);
    }
    assert_exact("03051990", DateOrder::MonthFirst, (1990, 3, 5));
    assert_exact("19900305", DateOrder::MonthFirst, (1990, 3, 5));
    assert_placeholder("19900101", 1990);
    assert_placeholder("01011990", 1990);
    assert_year_only("19900000", 1990, None);
    assert_year_only("00001990", 1990, None);
    assert_invalid("31021990", "is not a date");
    assert_invalid("12345678", "is not a date");
    let p = parse("20900101");
    assert_eq!((p.quality, p.year), (DobQuality::Implausible, Some(2090)));
}

#[test]
fn six_digits() {
    assert_exact("050390", DateOrder::DayFirst, (1990, 3, 5));
    assert_exact("030590", DateOrder::MonthFirst, (1990, 3, 5));
    assert_exact("900305", DateOrder::YearFirst, (1990, 3, 5));
    assert_year_only("031990", 1990, Some(3));
    assert_invalid("999999", "is not a date");
}

#[test]
fn month_first_order() {
    assert_exact("03/07/1990", DateOrder::MonthFirst, (1990, 3, 7));
    assert_exact("3/7/90", DateOrder::MonthFirst, (1990, 3, 7));
    assert_exact("12/25/1990", DateOrder::MonthFirst, (1990, 12, 25));
    let p = parse_with("03/07/1990", DateOrder::MonthFirst);
    assert_eq!(p.swapped, Some(ymd(1990, 7, 3)));
    assert_eq!(p.issue, None);
}

#[test]
fn year_first_order() {
    assert_exact("90/03/05", DateOrder::YearFirst, (1990, 3, 5));
    assert_exact("05/03/1990", DateOrder::YearFirst, (1990, 3, 5));
    assert_exact("1990-03-05", DateOrder::YearFirst, (1990, 3, 5));
}

#[test]
fn two_digit_first_field_over_31_is_a_year() {
    let p = parse("90/03/05");
    assert_eq!(p.date, Some(ymd(1990, 3, 5)));
    assert_eq!(p.issue.as_deref(), Some("dob: '90/03/05' read year-first"));
}

#[test]
fn month_over_12_falls_back_to_the_other_order() {
    let p = parse("12/25/1990");
    assert_eq!(p.quality, DobQuality::Exact);
    assert_eq!(p.date, Some(ymd(1990, 12, 25)));
    assert_eq!((p.month, p.day, p.swapped), (Some(12), Some(25), None));
    assert_eq!(
        p.issue.as_deref(),
        Some("dob: '12/25/1990' read month-first")
    );

    let p = parse_with("25/12/1990", DateOrder::MonthFirst);
    assert_eq!(p.date, Some(ymd(1990, 12, 25)));
    assert_eq!(p.issue.as_deref(), Some("dob: '25/12/1990' read day-first"));

    let p = parse("1990-25-12");
    assert_eq!(p.date, Some(ymd(1990, 12, 25)));
    assert_eq!(
        p.issue.as_deref(),
        Some("dob: '1990-25-12' read as year-day-month")
    );
}

#[test]
fn month_and_year() {
    assert_year_only("05/1990", 1990, Some(5));
    assert_year_only("1990-05", 1990, Some(5));
    assert_year_only("5.1990", 1990, Some(5));
    assert_year_only("00/1990", 1990, None);
    assert_year_only("xx/1990", 1990, None);
    assert_invalid("13/1990", "is not a date");
}

// --- Month names ----------------------------------------------------------------------

#[test]
fn month_names_in_four_languages() {
    let cases: &[(&str, (i32, u32, u32))] = &[
        ("5 March 1990", (1990, 3, 5)),
        ("5 march 1990", (1990, 3, 5)),
        ("05 MAR 1990", (1990, 3, 5)),
        ("05MAR1990", (1990, 3, 5)),
        ("05-Mar-1990", (1990, 3, 5)),
        ("March 5, 1990", (1990, 3, 5)),
        ("Mar. 5, 1990", (1990, 3, 5)),
        ("5th March 1990", (1990, 3, 5)),
        ("2nd of February 1985", (1985, 2, 2)),
        ("1990 Mar 05", (1990, 3, 5)),
        ("17 November 2003", (2003, 11, 17)),
        ("3 févr. 1990", (1990, 2, 3)),
        ("3 fevr 1990", (1990, 2, 3)),
        ("3 FÉVRIER 1990", (1990, 2, 3)),
        ("14 juillet 1989", (1989, 7, 14)),
        ("14 juil. 1989", (1989, 7, 14)),
        ("15 août 1991", (1991, 8, 15)),
        ("15 aout 1991", (1991, 8, 15)),
        ("25 déc. 1990", (1990, 12, 25)),
        ("2e avril 1990", (1990, 4, 2)),
        ("3. März 1990", (1990, 3, 3)),
        ("3. Maerz 1990", (1990, 3, 3)),
        ("3. Mrz. 1990", (1990, 3, 3)),
        ("3. MÄRZ 1990", (1990, 3, 3)),
        ("24. Dezember 1988", (1988, 12, 24)),
        ("1. Okt. 1990", (1990, 10, 1)),
        ("12 mei 1990", (1990, 5, 12)),
        ("12 maart 1990", (1990, 3, 12)),
        ("7 mrt 1990", (1990, 3, 7)),
        ("2de juni 1990", (1990, 6, 2)),
        ("30 okt 1979", (1979, 10, 30)),
        ("5 sept. 90", (1990, 9, 5)),
        ("5 Sep 1990", (1990, 9, 5)),
        ("Monday 5 March 1990", (1990, 3, 5)),
        ("lundi 5 mars 1990", (1990, 3, 5)),
        ("Montag, 5. März 1990", (1990, 3, 5)),
        ("maandag 5 maart 1990", (1990, 3, 5)),
    ];
    for &(s, want) in cases {
        assert_exact(s, DateOrder::DayFirst, want);
        assert_exact(s, DateOrder::MonthFirst, want);
    }
}

#[test]
fn first_of_january_by_name_is_a_placeholder() {
    for s in [
        "1 January 1990",
        "01 Jan 1990",
        "1er janvier 1990",
        "1. Januar 1990",
    ] {
        assert_placeholder(s, 1990);
    }
    assert_placeholder("1 januari 1990", 1990);
}

#[test]
fn named_month_is_never_swapped() {
    let p = parse("5 March 1990");
    assert_eq!(p.swapped, None);
    let p = parse("05/03/1990");
    assert_eq!(p.swapped, Some(ymd(1990, 5, 3)));
}

#[test]
fn month_and_year_by_name() {
    assert_year_only("Jan 1990", 1990, Some(1));
    assert_year_only("janvier 1990", 1990, Some(1));
    assert_year_only("März 1990", 1990, Some(3));
    assert_year_only("mei 1990", 1990, Some(5));
    assert_year_only("Jan 90", 1990, Some(1));
    assert_year_only("1990 December", 1990, Some(12));
    assert_year_only("XX janvier 1990", 1990, Some(1));
    assert_invalid("12 Jan", "has no year");
    assert_invalid("janvier", "has no year");
    assert_invalid("31 février 1990", "is not a date");
}

// --- Decorations ----------------------------------------------------------------------

#[test]
fn qualifiers_are_stripped() {
    let cases = [
        "né le 05/03/1990",
        "née le 05/03/1990",
        "ne le 05/03/1990",
        "Né(e) le 05/03/1990",
        "NÉ LE 05/03/1990",
        "se disant 05/03/1990",
        "se disant né le 05/03/1990",
        "se disant née le 05/03/1990",
        "soi-disant né le 05/03/1990",
        "SD 05/03/1990",
        "sd: 05/03/1990",
        "born 05/03/1990",
        "born on 5 March 1990",
        "b. 05/03/1990",
        "b.05/03/1990",
        "DOB: 05/03/1990",
        "DOB:05/03/1990",
        "D.O.B. 05/03/1990",
        "date of birth: 05/03/1990",
        "date de naissance : 05/03/1990",
        "geb. 05.03.1990",
        "geboren am 05.03.1990",
        "geb. am 5. März 1990",
        "Geburtsdatum: 05.03.1990",
        "geboren op 05-03-1990",
        "ca. 05/03/1990",
        "circa 05/03/1990",
        "vers 05/03/1990",
        "approx 05/03/1990",
        "about 05/03/1990",
        "~05/03/1990",
        "05/03/1990 (approx)",
        "05/03/1990 (approx.)",
        "05/03/1990 (ca.)",
        "05/03/1990 (?)",
        "05/03/1990?",
        "05/03/1990 ?",
        "05/03/1990 approx",
        "05/03/1990 env.",
        "1990-03-05T00:00:00",
        "1990-03-05T00:00:00Z",
        "1990-03-05 00:00:00",
        "1990-03-05 00:00:00.000+01:00",
        "05/03/1990 12:30",
    ];
    for s in cases {
        assert_exact(s, DateOrder::DayFirst, (1990, 3, 5));
        assert_eq!(parse(s).issue, None, "{s:?}");
    }
    assert_year_only("ca. 1990", 1990, None);
    assert_year_only("circa 1990", 1990, None);
    assert_year_only("vers 1990", 1990, None);
    assert_year_only("1990?", 1990, None);
    assert_year_only("1990 (approx)", 1990, None);
    assert_year_only("born in 1990", 1990, None);
    assert_year_only("se disant né en 1990", 1990, None);
}

#[test]
fn synthetic_agency_decorations() {
    // The forms `synth::sources` writes.
    assert_exact("née le 17/11/2003", DateOrder::DayFirst, (2003, 11, 17));
    assert_exact(
        "se disant né le 17/11/2003",
        DateOrder::DayFirst,
        (2003, 11, 17),
    );
    assert_year_only("se disant né le 00/00/1990", 1990, None);
    assert_year_only("née le XX.XX.1990", 1990, None);
    assert_placeholder("né le 01/01/1990", 1990);
}

// --- Placeholders and unknown parts ----------------------------------------------------

#[test]
fn unknown_parts_give_year_only() {
    assert_year_only("00/00/1990", 1990, None);
    assert_year_only("00.00.1990", 1990, None);
    assert_year_only("XX.XX.1990", 1990, None);
    assert_year_only("xx/xx/1990", 1990, None);
    assert_year_only("??/??/1990", 1990, None);
    assert_year_only("X/X/1990", 1990, None);
    assert_year_only("00/05/1990", 1990, Some(5));
    assert_year_only("XX/05/1990", 1990, Some(5));
    assert_year_only("15/00/1990", 1990, None);
    assert_year_only("1990-00-00", 1990, None);
    assert_year_only("1990-05-00", 1990, Some(5));
    assert_year_only("1990-XX-XX", 1990, None);
    assert_year_only("05//1990", 1990, None);
    assert_year_only("05 / / 1990", 1990, None);
    assert_year_only("1990", 1990, None);
    assert_year_only(" 1990 ", 1990, None);
    assert_year_only("1990.", 1990, None);
}

#[test]
fn first_of_january_is_a_placeholder() {
    for s in [
        "01/01/1990",
        "1/1/1990",
        "01.01.1990",
        "01-01-1990",
        "1990-01-01",
        "01/01/90",
    ] {
        assert_placeholder(s, 1990);
    }
    assert_placeholder("01/01/00", 2000);
    assert_placeholder("1. 1. 1990", 1990);
    assert_placeholder("01 / 01 / 1990", 1990);
    assert_placeholder("1.1.90", 1990);
    // Only 01/01 is the convention.
    assert_exact("31/12/1990", DateOrder::DayFirst, (1990, 12, 31));
    assert_exact("01/07/1990", DateOrder::DayFirst, (1990, 7, 1));
}

#[test]
fn no_year() {
    for s in [
        "00/00/0000",
        "0000",
        "00.00.0000",
        "XX/XX/XXXX",
        "xx.xx.xxxx",
        "00/00/00",
    ] {
        assert_invalid(s, "has no year");
    }
    assert_invalid("05/03/????", "has no year");
}

// --- Invalid --------------------------------------------------------------------------

#[test]
fn impossible_dates_are_invalid() {
    for s in [
        "31/02/1990",
        "30.02.1990",
        "29/02/1990",
        "32/01/1990",
        "15/13/1990",
        "31/04/1990",
        "1990-02-30",
        "1990-13-45",
        "00/13/1990",
        "05/03/199",
        "5",
        "90",
        "123",
        "32874",
        "1234567",
    ] {
        assert_invalid(s, "is not a date");
    }
}

#[test]
fn garbage_is_invalid() {
    for s in [
        "abc",
        "1990-1991",
        "🎂",
        "🎂🎂🎂",
        "????-??-??x",
        "12:30",
        "n.n.",
        "#REF!",
    ] {
        assert_invalid(s, "is not a date");
    }
    assert_invalid("١٩٩٠-١٩٩١", "is not a date");
}

#[test]
fn garbage_with_one_year_keeps_the_year() {
    for s in [
        "born 1990 in Kabul",
        "🎂 1990",
        "1990 or so",
        "approximately 1990 (Kabul)",
    ] {
        let p = parse(s);
        assert_eq!(p.quality, DobQuality::YearOnly, "{s:?}: {p:?}");
        assert_eq!(
            (p.year, p.month, p.day, p.date),
            (Some(1990), None, None, None)
        );
        let msg = format!("dob: '{s}' is not a date; kept the year 1990");
        assert_eq!(p.issue.as_deref(), Some(msg.as_str()));
    }
    // Two plausible years, or only implausible ones: nothing kept.
    assert_invalid("1990 or 1991", "is not a date");
    assert_invalid("born 1850 in Kabul", "is not a date");
    assert_invalid("born 2090 in Kabul", "is not a date");
    assert_eq!(parse("1990 / 1990 !").year, Some(1990));
}

#[track_caller]
fn assert_implausible(s: &str, years: DobYears, (y, m, d): (i32, Option<u32>, Option<u32>)) {
    let p = parse_dob_in(Some(s), DateOrder::DayFirst, years);
    assert_eq!(p.quality, DobQuality::Implausible, "{s:?}: {p:?}");
    assert_eq!((p.year, p.month, p.day), (Some(y), m, d), "{s:?}");
    let issue = p.issue.expect("an implausible date has an issue");
    assert!(issue.contains("kept, flagged implausible"), "{issue}");
}

#[test]
fn years_out_of_range_are_kept_and_flagged() {
    let living = DobYears::living(REF);
    assert_implausible("1800", living, (1800, None, None));
    assert_implausible("01/05/1899", living, (1899, Some(5), Some(1)));
    assert_implausible("2090-03-02", living, (2090, Some(3), Some(2)));
    assert_implausible("2026", living, (2026, None, None));
    assert_implausible("05/03/2030", living, (2030, Some(3), Some(5)));
    let p = parse("01/05/1899");
    assert_eq!(p.date, Some(ymd(1899, 5, 1)));
    assert_eq!(
        p.issue.as_deref(),
        Some("dob: '01/05/1899' is before 1900, the earliest plausible year; kept, flagged implausible")
    );
    let p = parse("2090-01-01");
    assert_eq!(p.date, Some(ymd(2090, 1, 1)));
    assert_eq!((p.month, p.day), (None, None));
    assert!(p
        .issue
        .unwrap()
        .ends_with("looks like a placeholder (01/01)"));
    // Old but possible: plain (FEBRL's synthetic people are born from 1900 on).
    assert_year_only("1910", 1910, None);
    assert_exact("05/03/1914", DateOrder::DayFirst, (1914, 3, 5));
    assert_year_only("1915", 1915, None);
    assert_year_only("2025", 2025, None);
    assert_exact("31/12/2025", DateOrder::DayFirst, (2025, 12, 31));
    // Historical records: with no lower bound, an old date is an ordinary date.
    let any = DobYears::any(REF);
    let p = parse_dob_in(Some("05/03/1712"), DateOrder::DayFirst, any);
    assert_eq!(
        (p.quality, p.date),
        (DobQuality::Exact, Some(ymd(1712, 3, 5)))
    );
    let p = parse_dob_in(Some("17120305"), DateOrder::DayFirst, any);
    assert_eq!(p.date, Some(ymd(1712, 3, 5)));
    let early = DobYears {
        earliest: 1950,
        reference: REF,
    };
    assert_implausible("05/03/1920", early, (1920, Some(3), Some(5)));
}

#[test]
fn plausible_readings_win_ambiguous_digits() {
    // ddmmyyyy is read when yyyymmdd would be implausible.
    let p = parse("05031990");
    assert_eq!(
        (p.quality, p.date),
        (DobQuality::Exact, Some(ymd(1990, 3, 5)))
    );
    // Both readings implausible: the year-first one is kept, flagged.
    let p = parse("12121212");
    assert_eq!(p.quality, DobQuality::Implausible);
    assert_eq!(p.date, Some(ymd(1212, 12, 12)));
}

#[test]
fn issue_quotes_are_trimmed_cut_and_escaped() {
    let p = parse("  31/02/1990\t");
    assert_eq!(p.issue.as_deref(), Some("dob: '31/02/1990' is not a date"));
    let long = format!("{} 31/02", "x".repeat(100));
    let p = parse(&long);
    let want = format!("dob: '{}…' is not a date", "x".repeat(60));
    assert_eq!(p.issue.as_deref(), Some(want.as_str()));
    let p = parse("31/02\u{0}/1990");
    assert_eq!(
        p.issue.as_deref(),
        Some("dob: '31/02\\u{0}/1990' is not a date")
    );
}

#[test]
fn too_long_is_invalid() {
    let s = "05/03/1990 ".repeat(30);
    let p = parse(&s);
    assert_eq!(p.quality, DobQuality::Invalid);
    assert!(p
        .issue
        .as_deref()
        .is_some_and(|i| i.ends_with("is too long to be a date")));
}

// --- Unicode -------------------------------------------------------------------------

#[test]
fn unicode_digits_and_spaces() {
    let cases: &[(&str, (i32, u32, u32))] = &[
        ("٠٥/٠٣/١٩٩٠", (1990, 3, 5)),
        ("١٩٩٠-٠٣-٠٥", (1990, 3, 5)),
        ("۰۵/۰۳/۱۹۹۰", (1990, 3, 5)),
        ("０５/０３/１９９０", (1990, 3, 5)),
        ("０５／０３／１９９０", (1990, 3, 5)),
        ("05\u{a0}/\u{a0}03\u{a0}/\u{a0}1990", (1990, 3, 5)),
        ("05\u{202f}03\u{2007}1990", (1990, 3, 5)),
        ("05/\u{200b}03/1990\u{200b}", (1990, 3, 5)),
        ("\u{200f}05/03/1990\u{200e}", (1990, 3, 5)),
        ("05\u{2010}03\u{2013}1990", (1990, 3, 5)),
        ("05/03/1990\u{0}", (1990, 3, 5)),
        ("05\t03\t1990", (1990, 3, 5)),
        ("3 fe\u{301}vr. 1990", (1990, 2, 3)),
        ("५/३/१९९०", (1990, 3, 5)),
    ];
    for &(s, want) in cases {
        assert_exact(s, DateOrder::DayFirst, want);
    }
    assert_year_only("١٩٩٠", 1990, None);
    assert_year_only("１９９０", 1990, None);
}

// --- swapped ---------------------------------------------------------------------------

#[test]
fn swapped_reading() {
    type Ymd = (i32, u32, u32);
    let cases: &[(&str, Option<Ymd>)] = &[
        ("05/03/1990", Some((1990, 5, 3))),
        ("1990-03-05", Some((1990, 5, 3))),
        ("19900305", Some((1990, 5, 3))),
        ("12/01/1990", Some((1990, 12, 1))),
        ("13/03/1990", None),
        ("05/05/1990", None),
        ("31/12/1990", None),
        ("01/01/1990", None),
        ("01/02/1990", Some((1990, 1, 2))),
    ];
    for &(s, want) in cases {
        let p = parse(s);
        assert_eq!(p.swapped, want.map(|(y, m, d)| ymd(y, m, d)), "{s:?}");
    }
    for s in ["00/00/1990", "XX.XX.1990", "1990", "00/05/1990"] {
        assert_eq!(parse(s).swapped, None, "{s:?}");
    }
}

// --- API -------------------------------------------------------------------------------

#[test]
fn quality_names() {
    let all = [
        (DobQuality::Exact, "exact"),
        (DobQuality::YearOnly, "year_only"),
        (DobQuality::Placeholder, "placeholder"),
        (DobQuality::Invalid, "invalid"),
        (DobQuality::Missing, "missing"),
    ];
    for (q, name) in all {
        assert_eq!(q.as_str(), name);
        assert_eq!(q.to_string(), name);
    }
}

#[test]
fn date_order_parses_and_defaults_to_day_first() {
    assert_eq!(DateOrder::default(), DateOrder::DayFirst);
    for (s, o) in [
        ("day_first", DateOrder::DayFirst),
        ("DayFirst", DateOrder::DayFirst),
        ("dmy", DateOrder::DayFirst),
        ("month-first", DateOrder::MonthFirst),
        ("MDY", DateOrder::MonthFirst),
        ("year first", DateOrder::YearFirst),
        ("ymd", DateOrder::YearFirst),
    ] {
        assert_eq!(s.parse::<DateOrder>(), Ok(o), "{s}");
        assert_eq!(o.as_str().parse::<DateOrder>(), Ok(o));
    }
    assert!("julian".parse::<DateOrder>().is_err());
}

#[test]
fn format_iso_pads() {
    assert_eq!(format_iso(ymd(1990, 3, 5)), "1990-03-05");
    assert_eq!(format_iso(ymd(2003, 11, 17)), "2003-11-17");
}

#[test]
fn every_quality_is_produced() {
    let samples = [
        ("05/03/1990", DobQuality::Exact),
        ("1990", DobQuality::YearOnly),
        ("01/01/1990", DobQuality::Placeholder),
        ("31/02/1990", DobQuality::Invalid),
        ("", DobQuality::Missing),
        ("05/03/1850", DobQuality::Implausible),
    ];
    let mut seen = Vec::new();
    for (s, q) in samples {
        let got = parse(s).quality;
        assert_eq!(got, q, "{s:?}");
        if !seen.contains(&got) {
            seen.push(got);
        }
    }
    assert_eq!(seen.len(), 6);
}

// --- Properties --------------------------------------------------------------------------

#[track_caller]
fn check_invariants(input: &str, p: &ParsedDob, reference: i32) {
    if let Some(issue) = &p.issue {
        assert!(issue.starts_with("dob: '"), "{input:?}: {issue}");
        assert!(issue.chars().count() < 800, "{input:?}: {issue}");
    }
    if let Some(y) = p.year {
        let plausible = (LIVING_EARLIEST_YEAR..=reference).contains(&y);
        assert_eq!(
            plausible,
            p.quality != DobQuality::Implausible,
            "{input:?}: {p:?}"
        );
    }
    match p.quality {
        DobQuality::Implausible => {
            assert!(p.year.is_some(), "{input:?}");
            assert!(p
                .issue
                .as_deref()
                .is_some_and(|i| i.contains("implausible")));
            if let (Some(d), Some(m), Some(day)) = (p.date, p.month, p.day) {
                assert_eq!((d.year(), d.month(), d.day()), (p.year.unwrap(), m, day));
            }
        }
        DobQuality::Missing => assert_eq!(p, &ParsedDob::missing(), "{input:?}"),
        DobQuality::Invalid => {
            assert!(p.issue.is_some(), "{input:?}");
            assert_eq!(
                (p.date, p.year, p.month, p.day, p.swapped),
                (None, None, None, None, None)
            );
        }
        DobQuality::YearOnly => {
            assert!(
                p.year.is_some() && p.date.is_none() && p.day.is_none(),
                "{input:?}"
            );
            assert!(p.month.is_none_or(|m| (1..=12).contains(&m)), "{input:?}");
            assert_eq!(p.swapped, None);
        }
        DobQuality::Placeholder => {
            let d = p.date.expect("placeholder has a date");
            assert_eq!((d.month(), d.day()), (1, 1), "{input:?}");
            assert_eq!(
                (p.year, p.month, p.day, p.swapped),
                (Some(d.year()), None, None, None)
            );
            assert!(p.issue.is_some());
        }
        DobQuality::Exact => {
            let d = p.date.expect("exact has a date");
            assert_eq!(
                (p.year, p.month, p.day),
                (Some(d.year()), Some(d.month()), Some(d.day()))
            );
            assert!((d.month(), d.day()) != (1, 1), "{input:?}");
            if let Some(s) = p.swapped {
                assert_eq!(
                    (s.year(), s.month(), s.day()),
                    (d.year(), d.day(), d.month())
                );
                assert_ne!(s, d);
            }
        }
    }
}

#[test]
fn no_panic_on_random_inputs() {
    const PIECES: &[&str] = &[
        "0",
        "1",
        "2",
        "3",
        "9",
        "00",
        "12",
        "31",
        "1990",
        "2025",
        "19900305",
        "/",
        ".",
        "-",
        " ",
        ":",
        "?",
        "x",
        "X",
        "T",
        "(",
        ")",
        ",",
        "\\",
        "_",
        ";",
        "~",
        "+",
        "a",
        "j",
        "n",
        "e",
        "jan",
        "mai",
        "März",
        "févr.",
        "né le ",
        "se disant ",
        "ca.",
        "(approx)",
        "DOB:",
        "1er",
        "st",
        "é",
        "ä",
        "ß",
        "İ",
        "ǅ",
        "١",
        "٩",
        "۹",
        "１",
        "９",
        "／",
        "\u{a0}",
        "\u{200b}",
        "\u{200f}",
        "\u{301}",
        "\u{fe0f}",
        "🎂",
        "👨‍👩‍👧",
        "\u{0}",
        "\t",
        "\n",
        "\u{7f}",
        "\u{85}",
        "\u{ffff}",
        "\u{10ffff}",
        "\u{1d7d9}",
        "ﷺ",
        "日",
        "ı",
        "ﬀ",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap_or(0) % n
    };
    let orders = [
        DateOrder::DayFirst,
        DateOrder::MonthFirst,
        DateOrder::YearFirst,
    ];
    for _ in 0..30_000 {
        let len = next(12);
        let s: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
        let order = orders[next(3)];
        let p = parse_dob(Some(&s), order, REF);
        check_invariants(&s, &p, REF);
        // Every char boundary of the input, too.
        let cut = next(s.len() + 1);
        if let Some(prefix) = s.get(..cut) {
            check_invariants(prefix, &parse_dob(Some(prefix), order, REF), REF);
        }
    }
}

#[test]
fn no_panic_on_nasty_inputs() {
    let big = 10 * 1024 * 1024;
    let inputs = [
        "1".repeat(big),
        "é".repeat(big / 2),
        "🎂".repeat(big / 4),
        " ".repeat(big),
        format!("{}05/03/1990{}", " ".repeat(big), "\u{a0}".repeat(1000)),
        "0".repeat(300),
        "9".repeat(40),
        "/".repeat(200),
        "?".repeat(250),
        "x".repeat(250),
        "1/".repeat(120),
        "١".repeat(100),
        "\u{0}".repeat(100),
        "\u{301}".repeat(100),
        "4294967295/4294967295/4294967295".to_string(),
        "99999999999999999999".to_string(),
        "99/99/9999".to_string(),
        "1990-1990-1990-1990".to_string(),
        "ne(e".to_string(),
        "(".to_string(),
        ")".to_string(),
        "1990-03-05T".to_string(),
        ":".to_string(),
        "1:".to_string(),
        " 1:00".to_string(),
        "t1:00".to_string(),
    ];
    for s in &inputs {
        for order in [
            DateOrder::DayFirst,
            DateOrder::MonthFirst,
            DateOrder::YearFirst,
        ] {
            let p = parse_dob(Some(s), order, REF);
            check_invariants(s.get(..50).unwrap_or("<long>"), &p, REF);
        }
    }
    let p = parse_dob(Some(&inputs[4]), DateOrder::DayFirst, REF);
    assert_eq!(p.date, Some(ymd(1990, 3, 5)));
    for reference in [i32::MIN, -1, 0, 99, 1899, 1900, 9999, i32::MAX] {
        for s in [
            "05/03/90",
            "1990",
            "00/00/00",
            "19900305",
            "050390",
            "born 1990",
        ] {
            let p = parse_dob(Some(s), DateOrder::DayFirst, reference);
            if p.quality != DobQuality::Invalid {
                check_invariants(s, &p, reference);
            }
        }
    }
}

#[test]
fn formatting_and_reparsing_is_idempotent() {
    let mut d = ymd(1915, 1, 1);
    let end = ymd(2025, 12, 31);
    let mut n = 0;
    while d <= end {
        for (text, order) in [
            (
                format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
                DateOrder::DayFirst,
            ),
            (
                format!("{:02}/{:02}/{:04}", d.month(), d.day(), d.year()),
                DateOrder::MonthFirst,
            ),
            (format_iso(d), DateOrder::DayFirst),
            (format_iso(d), DateOrder::MonthFirst),
            (d.format("%Y%m%d").to_string(), DateOrder::DayFirst),
            (d.format("%d.%m.%Y").to_string(), DateOrder::YearFirst),
        ] {
            let p = parse_dob(Some(&text), order, 2025);
            assert_eq!(p.date, Some(d), "{text} ({order})");
            let again = p
                .date
                .map(|x| format!("{:02}/{:02}/{:04}", x.day(), x.month(), x.year()));
            let q = parse_dob(again.as_deref(), DateOrder::DayFirst, 2025);
            assert_eq!(
                q,
                ParsedDob {
                    issue: q.issue.clone(),
                    ..p.clone()
                },
                "{text}"
            );
        }
        d += chrono::Duration::days(13);
        n += 1;
    }
    assert!(n > 3000);
}
