# data: texts of src/ (see locales/README.md)


## mod.rs (P0701, P0703–P0706, P0708)

data-duplicate = `{ $id }` har en ekstra { $kind ->
        [forecast] prognose
       *[actual] resultatværdi
    } for { $year }
    .primary = anden værdi
    .label = den første værdi for samme indikator, periode og type
    .help = hav én række pr. indikator, periode og type: slet eller ret en af dem
data-statbank-no-map = `{ $path }` ligner et udtræk fra Statistikbanken (den har en kolonne INDHOLD), men der er ikke angivet nogen mapning
    .primary = Statistikbank-overskrift
    .help = angiv `--statbank-map MAP.json` for at fortælle, hvilke rækker der hører til hvilken indikator (se docs/reports.md)
data-cannot-read = datafilen `{ $path }` kan ikke læses: { $reason }
    .help = kontrollér stien angivet med --data (eller --statbank-map)
data-not-a-number = `{ $text }` er ikke et tal
    .help-comma = filen er kommasepareret, så et decimalkomma kan ikke skelnes fra en feltadskiller: skriv `64.5`, eller adskil felterne med `;`
    .help-percent = skriv tallet uden procenttegn (indikatorens enhed siger allerede, at det er en procentdel)
    .help = skriv et tal som `64` eller `64,5`, eller lad cellen være tom, når værdien mangler (og angiv en begrundelse)
data-ambiguous-dots = `{ $text }` er tvetydigt: et punktum kan være tusindtalsseparator eller decimaltegn
    .help-one = et punktum foran tre cifre er tusindtalsseparator i dansk og svensk Excel, men decimaltegn andre steder: skriv { $whole } (uden tusindtalsseparator) eller { $decimal }
    .help = punktummer foran grupper af tre cifre er tusindtalsseparatorer i dansk og svensk Excel, og dem læser pejl ikke: skriv { $whole } (uden tusindtalsseparator)
data-unit-misfit = { $what ->
        [benchmark] sammenligningsværdien
       *[value] værdien
    } { $value } passer ikke til `{ $id }`, hvis enhed er { $unit }: { $problem }
    .primary = ikke en gyldig værdi i { $unit }
    .help = ret { $what ->
        [benchmark] sammenligningsværdien
       *[value] værdien
    }, eller kontrollér, at rækken hører til `{ $id }`
data-undeclared-kind = `{ $id }` har intet sammenligningsgrundlag af typen `{ $kind }`, så værdien bruges ikke
    .primary = bruges ikke
    .instead-cell = lad cellen være tom
    .help-none = `{ $id }` har intet sammenligningsgrundlag: angiv `benchmark { $kind } "…"` i politikken, eller { $instead }
    .help = angiv `benchmark { $kind } "…"` for `{ $id }` i politikken, eller { $instead }; `{ $id }` har { $declared }
data-undeclared-kind-rows = `{ $id }` har intet sammenligningsgrundlag af typen `{ $kind }`, så rækkerne for `{ $key }` bruges ikke
    .instead = fjern `{ $key }` fra mapningen
data-unknown-indicator = { $what ->
        [kolada] Kolada-nøgletallet
       *[indicator] indikatoren
    } `{ $id }` findes ikke i politikken
    .primary = ukendt indikator
    .help = data må kun nævne indikatorer, som politikken angiver; tilføj `{ $id }` eller ret navnet
