# keywords: texts of src/syntax/keyword_use.rs (see locales/README.md)

# P0112. $word: the keyword as written; $word_lang, $lang: sv, da or en (the file's language).
keywords-mixed = `{ $word }` is { $word_lang ->
        [sv] a Swedish
        [da] a Danish
       *[en] an English
    } keyword, but this file is written with { $lang ->
        [sv] Swedish
        [da] Danish
       *[en] English
    } keywords
    .label = { $word_lang ->
        [sv] Swedish
        [da] Danish
       *[en] English
    }; in this file: `{ $keyword }`
    .help = write every keyword of a file in one language: the fix rewrites { $count ->
        [one] this keyword
       *[other] all { $count } such keywords
    } into { $lang ->
        [sv] Swedish
        [da] Danish
       *[en] English
    } (so does `pejl fmt --keywords { $lang }`)
    .fix = write every keyword in { $lang ->
        [sv] Swedish
        [da] Danish
       *[en] English
    }
