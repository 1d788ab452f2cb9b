# keywords: texter i src/syntax/keyword_use.rs (se locales/README.md)

# P0112. $word: nyckelordet som det är skrivet; $word_lang, $lang: sv, da eller en (filens språk).
keywords-mixed = `{ $word }` är ett { $word_lang ->
        [sv] svenskt
        [da] danskt
       *[en] engelskt
    } nyckelord, men filen är skriven med { $lang ->
        [sv] svenska
        [da] danska
       *[en] engelska
    } nyckelord
    .label = { $word_lang ->
        [sv] svenska
        [da] danska
       *[en] engelska
    }; i den här filen: `{ $keyword }`
    .help = skriv alla nyckelord i en fil på samma språk: rättningen skriver om { $count ->
        [one] nyckelordet
       *[other] alla { $count } sådana nyckelord
    } till { $lang ->
        [sv] svenska
        [da] danska
       *[en] engelska
    } (det gör även `pejl fmt --keywords { $lang }`)
    .fix = skriv alla nyckelord på { $lang ->
        [sv] svenska
        [da] danska
       *[en] engelska
    }
