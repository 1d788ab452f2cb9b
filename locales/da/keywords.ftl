# keywords: tekster i src/syntax/keyword_use.rs (se locales/README.md)

# P0112. $word: nøgleordet, som det er skrevet; $word_lang, $lang: sv, da eller en (filens sprog).
keywords-mixed = `{ $word }` er et { $word_lang ->
        [sv] svensk
        [da] dansk
       *[en] engelsk
    } nøgleord, men filen er skrevet med { $lang ->
        [sv] svenske
        [da] danske
       *[en] engelske
    } nøgleord
    .label = { $word_lang ->
        [sv] svensk
        [da] dansk
       *[en] engelsk
    }; i denne fil: `{ $keyword }`
    .help = skriv alle nøgleord i en fil på samme sprog: rettelsen skriver { $count ->
        [one] nøgleordet
       *[other] alle { $count } sådanne nøgleord
    } om til { $lang ->
        [sv] svensk
        [da] dansk
       *[en] engelsk
    } (det gør `pejl fmt --keywords { $lang }` også)
    .fix = skriv alle nøgleord på { $lang ->
        [sv] svensk
        [da] dansk
       *[en] engelsk
    }
