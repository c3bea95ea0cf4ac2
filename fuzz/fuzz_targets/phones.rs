#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| caselink_fuzz::check_phones(data));
