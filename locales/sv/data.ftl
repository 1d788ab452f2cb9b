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
    .primary = inte ett tal
    .help-comma = filen är kommaseparerad, så ett decimalkomma går inte att skilja från en fältavgränsare: skriv `64.5`, eller separera fälten med `;`
    .help-percent = skriv talet utan procenttecken (indikatorns enhet anger redan att det är en andel i procent)
    .help = skriv ett tal som `64` eller `64.5`, eller lämna cellen tom när värdet saknas (och ange en motivering)
data-ambiguous-dots = `{ $text }` är tvetydigt: en punkt kan vara tusentalsavgränsare eller decimaltecken
    .primary = tusentalsavgränsare eller decimaltecken?
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

## csv.rs (P0701, P0702, P0705): the pejl CSV format

data-csv-empty-row = raden har bara tomma fält
    .primary = tom rad
    .help = ta bort den tomma raden (ett kalkylark skriver en sådan för en rad vars celler har tömts)
data-csv-width = raden har { $count ->
        [one] ett fält
       *[other] { $count } fält
    }, men rubrikraden har { $width }
    .primary = fel antal fält
    .help-comma = varje rad behöver ett fält per kolumn i rubrikraden; en text med kommatecken, eller ett decimalkomma, måste stå inom citattecken ("64,5" är ändå inte ett tal: skriv 64.5 eller separera fälten med `;`)
    .help = varje rad behöver ett fält per kolumn i rubrikraden; en text som innehåller avgränsaren måste stå inom citattecken
data-csv-unclosed-quote = fältet inom citattecken har inget avslutande citattecken
data-csv-after-quote = text efter det avslutande citattecknet i ett fält
data-csv-syntax =
    .primary = här
    .help = ett fält som innehåller avgränsaren, ett citattecken eller en radbrytning måste stå inom citattecken, med citattecken inuti dubblerade: "a ""b"" c"
data-csv-empty-file = datafilen är tom
    .help = första raden ska vara rubrikraden `indicator,period,value,benchmark,kind,motivation`
data-csv-column-twice = kolumnen `{ $name }` förekommer två gånger i rubrikraden
    .primary = andra kolumnen med detta namn
    .help = ta bort en av de två kolumnerna
data-csv-unknown-column = `{ $name }` är inte en kolumn i pejls dataformat
    .primary = okänd kolumn
    .help-translated = pejls kolumnnamn är på engelska: `{ $name }` heter `{ $column }`. Kolumnerna är indicator, period, value, benchmark, kind och motivation
data-csv-columns-are = kolumnerna är indicator, period, value, benchmark, kind och motivation{ $kinds ->
        [yes] {" "}(samt benchmark_county, benchmark_national, benchmark_peers och benchmark_group för jämförelsevärden per typ)
       *[no] {""}
    }
    .capital = Kolumnerna är indicator, period, value, benchmark, kind och motivation{ $kinds ->
        [yes] {" "}(samt benchmark_county, benchmark_national, benchmark_peers och benchmark_group för jämförelsevärden per typ)
       *[no] {""}
    }
data-csv-header = rubrikrad
data-csv-no-period = rubrikraden saknar kolumnen `period`
    .help = första raden ska ange kolumnerna: indicator,period,value,benchmark,kind,motivation (benchmark, kind och motivation kan utelämnas)
data-csv-not-a-header = första raden är ingen rubrikrad för pejl-data: ingen av kolumnerna är känd
    .help = första raden ska vara rubrikraden `{ $expected }` ({ $tabs ->
        [yes] separerad med tabbar;{" "}
       *[no] {""}
    }kopiera den; benchmark, kind och motivation kan utelämnas)
    .help-translated = första raden ska vara rubrikraden `{ $expected }` ({ $tabs ->
        [yes] separerad med tabbar;{" "}
       *[no] {""}
    }kopiera den; benchmark, kind och motivation kan utelämnas); pejls kolumnnamn är på engelska: { $explained }
data-csv-header-missing = rubrikraden saknar { $count ->
        [one] kolumnen
       *[other] kolumnerna
    } { $columns }
data-csv-column-is = `{ $name }` heter `{ $column }`
data-csv-comma = { $first }, { $second }
data-csv-no-indicator = raden anger ingen indikator
    .primary = tom
    .help = skriv indikatorns ID från styrdokumentet i kolumnen `indicator`
data-csv-not-a-year = `{ $text }` är inte ett år
    .primary = här förväntas ett år, till exempel 2024
    .help = kolumnen `period` anger vilket år värdet gäller, till exempel 2024
data-csv-not-a-kind = `{ $text }` är inte en typ av värde
    .primary = här förväntas actual eller forecast
    .help = `kind` är `actual` (utfall, för årsredovisningen) eller `forecast` (prognos, för delårsrapporter); tomt betyder actual
data-csv-goal-value = `{ $id }` är ett mål: ett måls rad ger bara en motivering, inget värde
    .primary = värde på ett måls rad
    .help = ange värden på raden för målets indikator; använd målets rad till motiveringen
data-csv-goal-no-motivation = raden för målet `{ $id }` har ingen motivering eller analys
    .primary = tom motivering
    .help = ett måls rad ger målet en skriftlig motivering eller analys; skriv den i kolumnen `motivation` (eller `analysis`)
data-csv-two-defaults = `{ $id }` har två olika värden för sitt förvalda jämförelsevärde ({ $kind }) för { $year }
    .primary = benchmark_{ $kind }
    .label = `benchmark`, det förvalda jämförelsevärdet
    .help = `benchmark` är det förvalda jämförelsevärdet, som för `{ $id }` är jämförelsevärdet av typen `{ $kind }`: lämna en av de två cellerna tom, eller ge dem samma värde

## json.rs: JSON syntax errors (Kolada files, Statbank mappings)

data-json-value-expected = här förväntas ett JSON-värde
data-json-between-values = mellan JSON-värden får bara mellanslag, tabbar och radbrytningar stå
data-json-control = en radbrytning eller ett styrtecken inuti en text
data-json-unterminated = texten har inget avslutande citattecken
data-json-hex-digits = `\u` behöver fyra hexadecimala siffror
data-json-surrogate = `\u`-sekvensen är inget tecken (ett surrogat utan sin partner)
data-json-unknown-escape = okänd escape-sekvens i texten
data-json-digits = ett tal behöver siffror
data-json-decimal-point = ett tal behöver siffror både före och efter decimalpunkten
data-json-exponent = ett tal behöver siffror i exponenten
data-json-hexadecimal = hexadecimala tal är inte tillåtna i JSON
data-json-plus = ett tal i JSON kan inte börja med `+`
data-json-single-quotes = text i JSON skrivs inom dubbla citattecken
data-json-comments = kommentarer är inte tillåtna i JSON
data-json-too-deep = JSON-strukturen är för djupt nästlad
data-json-key-expected = här förväntas ett medlemsnamn inom citattecken
data-json-colon-expected = här förväntas `:` efter medlemsnamnet
data-json-ends = JSON-texten tar slut där ett värde förväntades
data-json-object-comma = här förväntas `,` eller `{"}"}` i objektet
data-json-list-comma = här förväntas `,` eller `]` i listan
data-json-after-end = oväntad text efter slutet av JSON-dokumentet
data-json-bad-number = talet går inte att läsa
data-json-kind =
    .null = null
    .bool = true eller false
    .number = ett tal
    .text = en text
    .list = en lista
    .object = ett objekt

## kolada.rs (P0701, P0702, P0704, P0705, P0708): Kolada JSON exports

data-kolada-not-json = Kolada-filen är inte giltig JSON: { $reason }
    .help = spara svaret från API:et oförändrat; en export från Kolada ser ut som `{"{"}"values": […], "count": …{"}"}`
data-kolada-no-values = denna JSON är ingen dataexport från Kolada: listan `values` saknas
    .primary = här förväntas {"{"}"values": […]{"}"}
    .help = använd svaret från Kolada-API:ets dataanrop (v3 `/v3/data/kpi/ID/municipality/ID` eller v2), sparat oförändrat
data-kolada-no-member = posten saknar `{ $member }`
data-kolada-no-municipality = posten saknar `municipality` (värden per organisatorisk enhet stöds inte)
data-kolada-no-values-list = posten saknar listan `values`
data-kolada-not-text = `{ $member }` ska vara en text, till exempel "{ $example }"
data-kolada-shape =
    .primary = felaktig post
    .help = varje post i `values` ser ut som {"{"}"kpi": "…", "period": 2024, "municipality": "…", "values": [{"{"}"gender": "T", "value": …{"}"}]{"}"}
data-kolada-not-a-year =
    .help = Koladas `period` är det år som värdet gäller
data-kolada-not-a-number =
    .primary = { $kind }, inte ett tal
    .help = ett värde från Kolada är ett tal, eller null när det saknas
data-kolada-first-value = det första värdet
data-kolada-second-total = Kolada-nyckeltalet `{ $kpi }` har ett andra totalvärde (kön T) för { $year } och kommunen `{ $municipality }`
    .help = ha ett värde med kön T per post: Kolada ger ett totalvärde per nyckeltal, period och kommun, så spara svaret från API:et oförändrat
data-kolada-unknown-kpi = Kolada-nyckeltalet `{ $kpi }` är inte källa till någon indikator i styrdokumentet ({ $count ->
        [one] en post används inte
       *[other] { $count } poster används inte
    })
    .help = lägg till `source kolada "{ $kpi }"` på den indikator som nyckeltalet mäter, eller ta bort nyckeltalet ur exporten
data-kolada-several = Kolada-filen har värden för flera kommuner ({ $list }{ $more ->
        [yes] , …
       *[no] {""}
    }); vilken kommun gäller rapporten?
    .primary = flera kommuner
    .help = välj en med --municipality (till exempel --municipality 2425), och jämförelsegruppen med --benchmark-municipality (till exempel 0024)
data-kolada-none-for = Kolada-filen har inga värden för kommunen `{ $municipality }`
    .primary = inga värden för denna kommun
    .help = kontrollera --municipality: Koladas kommunkoder har fyra siffror, till exempel 2425 för Dorotea
data-kolada-benchmark-unused = värdena för --benchmark-municipality `{ $municipality }` används inte för `{ $id }`: styrdokumentet anger Kolada-ID:t `{ $kolada }` för dess förvalda jämförelsevärde ({ $kind })
    .help = ett Kolada-ID som anges i styrdokumentet (`benchmark { $kind } "…" kolada "{ $kolada }"`) går före --benchmark-municipality; utelämna flaggan, eller ändra ID:t i styrdokumentet
data-kolada-twice = `{ $key }` förekommer två gånger { $place ->
        [top] på översta nivån i Kolada-filen
       *[item] i samma objekt i denna post
    }
    .primary = andra `{ $key }`
    .label = det första `{ $key }`
    .help = JSON anger inte vilket av dem som gäller: ta bort det ena (Kolada-API:et anger varje medlem en gång, så spara svaret oförändrat)
data-kolada-second-value = Kolada-nyckeltalet `{ $kpi }` har ett andra värde för { $year } och { $role ->
        [benchmark] jämförelsegruppen
       *[municipality] kommunen
    } `{ $municipality }`
    .help = ha en post per nyckeltal, period och kommun

## statbank.rs (P0701, P0702, P0704, P0705, P0708): Statbank exports and their mapping

data-statbank-not-json = Statbank-mappningen är inte giltig JSON: { $reason }
    .help = se docs/reports.md för hur mappningen ska se ut
data-statbank-twice = `{ $key }` förekommer två gånger i samma objekt i Statbank-mappningen
    .help = JSON anger inte vilket av dem som gäller: ta bort det ena (för att läsa rader med någon av två texter, skriv två poster)
data-statbank-shape =
    .help = mappningen ser ut som {"{"}"indicators": [{"{"}"indicator": "ID", "where": {"{"}"COLUMN": "text"{"}"}, "benchmark": {"{"}"COLUMN": "text"{"}"}{"}"}]{"}"}; jämförelsevärden per typ är "benchmark_county", "benchmark_national", "benchmark_peers" och "benchmark_group", var och en som "benchmark"
data-statbank-not-column = `{ $key }` ska vara namnet på en kolumn
data-statbank-no-indicators = mappningen saknar listan `indicators`
data-statbank-no-indicator = posten saknar `indicator`
data-statbank-indicator-id = `indicator` ska vara ett indikator-ID
data-statbank-not-object = `{ $key }` ska vara ett objekt med kolumnnamn och texter
data-statbank-not-text = värdet för `{ $key }` ska vara en text
data-statbank-file-name = `file` ska vara exportens filnamn
data-statbank-no-rows = `{ $key }` anger inga rader: ange vilka rader som är jämförelsevärdet av typen `{ $kind }`, till exempel {"{"}"OMRÅDE": "Hele landet"{"}"}
data-statbank-no-where = posten för `{ $id }` saknar `where`: vilka rader är kommunens egna?
data-statbank-unknown-key = `{ $key }` är ingen nyckel i Statbank-mappningen
    .primary = okänd nyckel
    .help = i en post anger `benchmark` raderna för det förvalda jämförelsevärdet, och `benchmark_county`, `benchmark_national`, `benchmark_peers` och `benchmark_group` raderna för jämförelsevärdet av den typen
    .help-capital = I en post anger `benchmark` raderna för det förvalda jämförelsevärdet, och `benchmark_county`, `benchmark_national`, `benchmark_peers` och `benchmark_group` raderna för jämförelsevärdet av den typen
data-statbank-width =
    .help = exportera tabellen igen från Statbank som CSV (semikolonseparerad)
data-statbank-no-column = Statbank-exporten saknar kolumnen `{ $name }`
    .primary = anges i mappningen
    .label = exportens rubrikrad
    .help = exportens kolumner är { $columns }
data-statbank-not-a-time = `{ $text }` är ingen tidsangivelse från Statbank
    .primary = här förväntas till exempel 2023, 2023M08, 2023K3
    .help = tidskolumnen anger år (2023) eller delar av år (2023M08, 2023K3, 2023H1)
data-statbank-not-a-number =
    .help = värden från Statbank är tal; `..` betyder att värdet saknas
data-statbank-periods = raderna för `{ $id }` för { $year } gäller olika perioder: `{ $first }` ({ $that ->
        [year] helår
        [half] halvår
        [quarter] kvartal
       *[month] månad
    }) och `{ $time }` ({ $this ->
        [year] helår
        [half] halvår
        [quarter] kvartal
       *[month] månad
    })
    .primary = en annan sorts period
    .label = den första raden, för `{ $first }`
    .help = värden för { $that ->
        [year] helår
        [half] halvår
        [quarter] kvartal
       *[month] månad
    } och { $this ->
        [year] helår
        [half] halvår
        [quarter] kvartal
       *[month] månad
    } är olika mätningar, och mappningen anger inte vilket `{ $id }` läser: exportera tabellen igen med bara { $that ->
        [year] helår
        [half] halvår
        [quarter] kvartal
       *[month] månader
    } eller bara { $this ->
        [year] helår
        [half] halvår
        [quarter] kvartal
       *[month] månader
    }
data-statbank-second-row = en andra rad { $role ->
        [value] med värde
        [benchmark] med jämförelsevärde
       *[kind] med jämförelsevärde av typen `{ $kind }`
    } för `{ $id }` och tiden `{ $time }`
    .primary = andra raden
    .label = den första raden
    .help = låt mappningens `where` välja exakt en rad per tidpunkt (lägg till ett villkor på en annan kolumn)
data-statbank-unmatched = { $more ->
        [0] raden matchar ingen post i Statbank-mappningen och används inte
       *[other] raden och { $more } till matchar ingen post i Statbank-mappningen och används inte
    }
    .help = lägg till en post för raderna i mappningen, eller ta bort dem ur exporten
data-statbank-two-defaults =
    .primary = raden för `benchmark_{ $kind }`
    .label = raden för `benchmark`, det förvalda jämförelsevärdet
    .help = `benchmark` är det förvalda jämförelsevärdet, som för `{ $id }` är jämförelsevärdet av typen `{ $kind }`: behåll bara en av `benchmark` och `benchmark_{ $kind }` i mappningens post för `{ $id }`, eller låt båda välja samma rader

## progress.rs (P0701, P0702, P0705, P0710, P0711): activity files

data-progress-unknown-column = `{ $name }` är inte en kolumn i en aktivitetsfil
    .help = kolumnerna i en aktivitetsfil är activity, status, date och comment (namnen på engelska)
    .help-capital = Kolumnerna i en aktivitetsfil är activity, status, date och comment
data-progress-no-status = aktivitetsfilens rubrikrad saknar kolumnen `status`
    .help = första raden ska ange kolumnerna: activity,status,date,comment (comment kan utelämnas)
data-progress-width =
    .help = varje rad behöver ett fält per kolumn i rubrikraden; en kommentar som innehåller avgränsaren måste stå inom citattecken
data-progress-no-activity = raden anger ingen aktivitet
    .help = skriv aktivitetens ID från styrdokumentet i kolumnen `activity`
data-progress-unknown-activity = aktiviteten `{ $id }` finns inte i styrdokumentet
    .primary = okänd aktivitet
    .help = data får bara avse aktiviteter som styrdokumentet anger; lägg till `activity { $id } "…"` eller rätta namnet
data-progress-no-status-given = raden anger ingen status
data-progress-not-a-status = `{ $word }` är ingen status för en aktivitet
    .primary = här förväntas planerad, påbörjad, klar eller avbruten
    .help = en status är planerad, påbörjad, klar eller avbruten, eller detsamma på engelska (planned, started, done, cancelled) eller danska (planlagt, igangsat, afsluttet, aflyst)
    .help-capital = En status är planerad, påbörjad, klar eller avbruten, eller detsamma på engelska (planned, started, done, cancelled) eller danska (planlagt, igangsat, afsluttet, aflyst)
data-progress-not-a-date = `{ $text }` är inte ett datum
    .primary = här förväntas ett datum, till exempel 2024-03-15
    .help = skriv datumet då aktiviteten påbörjades, blev klar eller avbröts som år-månad-dag, till exempel 2024-03-15
data-progress-no-date = `{ $id }` är { $state ->
        [started] påbörjad
        [done] klar
       *[cancelled] avbruten
    }, men raden anger inget datum
    .primary = datum saknas
    .label = { $state ->
        [started] påbörjad
        [done] klar
       *[cancelled] avbruten
    } här
    .help = skriv datumet då aktiviteten { $state ->
        [started] påbörjades
        [done] blev klar
       *[cancelled] avbröts
    } i kolumnen `date`, till exempel 2024-11-28: rapporten visar det, och om aktiviteten höll sin tidsgräns
data-progress-second-row = `{ $id }` har en andra rad för { $date }
    .undated = `{ $id }` har en andra rad utan datum
    .label = den första raden för samma aktivitet och datum
    .help = ha en rad per aktivitet och datum: ta bort eller rätta en av dem

## eval.rs (P0707, P0709): data checks of the report

data-stale-group = `{ $id }` jämförs med gruppen "{ $group }", som gäller { $defined }, men rapporten avser { $year }
    .primary = en grupp för { $defined }
    .help-kolada = Kolada definierar sina kommungrupper på nytt varje år, och `{ $kolada }` är gruppen för { $defined }: ange i styrdokumentet Kolada-ID:t för gruppen för { $year } och skriv { $year } sist i beskrivningen, eller uppdatera beskrivningen om gruppen fortfarande är rätt jämförelse
    .help = en kommungrupp som gäller { $defined } är kanske inte rätt jämförelse för { $year }: ange gruppen för { $year } och skriv { $year } sist i beskrivningen, eller uppdatera beskrivningen om gruppen fortfarande är rätt jämförelse
data-no-motivation = målet `{ $goal }` har status { $status } ({ $label }) i { $report } { $year }, och { $by ->
        [rollup] dess sammanvägning
       *[rule] dess regel
    } kräver en skriftlig motivering, men data anger ingen
    .primary-row = raden saknar motivering
    .primary = målet behöver en motivering
    .label = målet
    .help = skriv skälet i datafilens kolumn `motivation`, till exempel raden `{ $row }`{ $adds ->
        [yes] {" "}efter att ha lagt till kolumnen `motivation` i rubrikraden
       *[no] {""}
    } (eller en rad för själva målet: `{ $goal_row }`)
    .help-rollup = ge målet en rad i data: `{ $row }`
