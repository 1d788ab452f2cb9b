# data: texts of src/ (see locales/README.md)


## mod.rs (P0701, P0703–P0706, P0708)

data-duplicate = `{ $id }` har ett andra { $kind ->
        [forecast] prognosvärde
       *[actual] utfall
    } för { $year }
    .primary = andra värdet
    .label = det första värdet för samma indikator, period och typ
    .help = ha en rad per indikator, period och typ: ta bort eller rätta en av dem
data-statbank-no-map = `{ $path }` ser ut som en export från Statbank (den har en kolumn INDHOLD), men ingen mappning har angetts
    .primary = Statbank-rubrik
    .help = ange `--statbank-map MAP.json` för att tala om vilka rader som hör till vilken indikator (se docs/reports.md)
data-cannot-read = datafilen `{ $path }` kan inte läsas: { $reason }
    .help = kontrollera sökvägen som angetts med --data (eller --statbank-map)
data-not-a-number = `{ $text }` är inte ett tal
    .help-comma = filen är kommaseparerad, så ett decimalkomma går inte att skilja från en fältavgränsare: skriv `64.5`, eller separera fälten med `;`
    .help-percent = skriv talet utan procenttecken (indikatorns enhet anger redan att det är en andel i procent)
    .help = skriv ett tal som `64` eller `64,5`, eller lämna cellen tom när värdet saknas (och ange en motivering)
data-ambiguous-dots = `{ $text }` är tvetydigt: en punkt kan vara tusentalsavgränsare eller decimaltecken
    .help-one = en punkt före tre siffror är tusentalsavgränsare i svenska och danska Excel, men decimaltecken på andra håll: skriv { $whole } (utan tusentalsavgränsare) eller { $decimal }
    .help = punkter före grupper om tre siffror är tusentalsavgränsare i svenska och danska Excel, och dem läser pejl inte: skriv { $whole } (utan tusentalsavgränsare)
data-unit-misfit = { $what ->
        [benchmark] jämförelsevärdet
       *[value] värdet
    } { $value } passar inte `{ $id }`, vars enhet är { $unit }: { $problem }
    .primary = inte ett giltigt värde i { $unit }
    .help = rätta { $what ->
        [benchmark] jämförelsevärdet
       *[value] värdet
    }, eller kontrollera att raden hör till `{ $id }`
data-undeclared-kind = `{ $id }` har inget jämförelsevärde av typen `{ $kind }`, så värdet används inte
    .primary = används inte
    .instead-cell = lämna cellen tom
    .help-none = `{ $id }` har inget jämförelsevärde: ange `benchmark { $kind } "…"` i styrdokumentet, eller { $instead }
    .help = ange `benchmark { $kind } "…"` för `{ $id }` i styrdokumentet, eller { $instead }; `{ $id }` har { $declared }
data-undeclared-kind-rows = `{ $id }` har inget jämförelsevärde av typen `{ $kind }`, så raderna för `{ $key }` används inte
    .instead = ta bort `{ $key }` ur mappningen
data-unknown-indicator = { $what ->
        [kolada] Kolada-nyckeltalet
       *[indicator] indikatorn
    } `{ $id }` finns inte i styrdokumentet
    .primary = okänd indikator
    .help = data får bara avse indikatorer som styrdokumentet anger; lägg till `{ $id }` eller rätta namnet
