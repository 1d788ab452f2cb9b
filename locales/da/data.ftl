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
    .primary = ikke et tal
    .help-comma = filen er kommasepareret, så et decimalkomma kan ikke skelnes fra en feltadskiller: skriv `64.5`, eller adskil felterne med `;`
    .help-percent = skriv tallet uden procenttegn (indikatorens enhed siger allerede, at det er en procentdel)
    .help = skriv et tal som `64` eller `64.5`, eller lad cellen være tom, når værdien mangler (og angiv en begrundelse)
data-ambiguous-dots = `{ $text }` er tvetydigt: et punktum kan være tusindtalsseparator eller decimaltegn
    .primary = tusindtalsseparator eller decimaltegn?
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

## csv.rs (P0701, P0702, P0705): the pejl CSV format

data-csv-empty-row = rækken har kun tomme felter
    .primary = tom række
    .help = slet den tomme række (et regneark skriver en sådan for en række, hvis celler er blevet ryddet)
data-csv-width = rækken har { $count ->
        [one] ét felt
       *[other] { $count } felter
    }, men overskriftsrækken har { $width }
    .primary = forkert antal felter
    .help-comma = hver række skal have ét felt pr. kolonne i overskriftsrækken; en tekst med komma, eller et decimalkomma, skal stå i anførselstegn ("64,5" er stadig ikke et tal: skriv 64.5 eller adskil felterne med `;`)
    .help = hver række skal have ét felt pr. kolonne i overskriftsrækken; en tekst, der indeholder separatoren, skal stå i anførselstegn
data-csv-unclosed-quote = feltet i anførselstegn har intet afsluttende anførselstegn
data-csv-after-quote = tekst efter det afsluttende anførselstegn i et felt
data-csv-syntax =
    .primary = her
    .help = et felt, der indeholder separatoren, et anførselstegn eller et linjeskift, skal stå i anførselstegn, med anførselstegn indeni fordoblet: "a ""b"" c"
data-csv-empty-file = datafilen er tom
    .help = første linje skal være overskriftsrækken `indicator,period,value,benchmark,kind,motivation`
data-csv-column-twice = kolonnen `{ $name }` står to gange i overskriftsrækken
    .primary = anden kolonne med dette navn
    .help = fjern en af de to kolonner
data-csv-unknown-column = `{ $name }` er ikke en kolonne i pejls dataformat
    .primary = ukendt kolonne
    .help-translated = pejls kolonnenavne er på engelsk: `{ $name }` hedder `{ $column }`. Kolonnerne er indicator, period, value, benchmark, kind og motivation
data-csv-columns-are = kolonnerne er indicator, period, value, benchmark, kind og motivation{ $kinds ->
        [yes] {" "}(samt benchmark_county, benchmark_national, benchmark_peers og benchmark_group for sammenligningsgrundlag pr. type)
       *[no] {""}
    }
    .capital = Kolonnerne er indicator, period, value, benchmark, kind og motivation{ $kinds ->
        [yes] {" "}(samt benchmark_county, benchmark_national, benchmark_peers og benchmark_group for sammenligningsgrundlag pr. type)
       *[no] {""}
    }
data-csv-header = overskriftsrække
data-csv-no-period = overskriftsrækken mangler kolonnen `period`
    .help = første linje skal nævne kolonnerne: indicator,period,value,benchmark,kind,motivation (benchmark, kind og motivation kan udelades)
data-csv-not-a-header = første linje er ikke en overskriftsrække for pejl-data: ingen af kolonnerne er kendt
    .help = første linje skal være overskriftsrækken `{ $expected }` ({ $tabs ->
        [yes] adskilt med tabulatorer;{" "}
       *[no] {""}
    }kopiér den; benchmark, kind og motivation kan udelades)
    .help-translated = første linje skal være overskriftsrækken `{ $expected }` ({ $tabs ->
        [yes] adskilt med tabulatorer;{" "}
       *[no] {""}
    }kopiér den; benchmark, kind og motivation kan udelades); pejls kolonnenavne er på engelsk: { $explained }
data-csv-header-missing = overskriftsrækken mangler { $count ->
        [one] kolonnen
       *[other] kolonnerne
    } { $columns }
data-csv-column-is = `{ $name }` hedder `{ $column }`
data-csv-comma = { $first }, { $second }
data-csv-no-indicator = rækken nævner ingen indikator
    .primary = tom
    .help = skriv indikatorens ID fra politikken i kolonnen `indicator`
data-csv-not-a-year = `{ $text }` er ikke et år
    .primary = her forventes et år, fx 2024
    .help = kolonnen `period` angiver det år, værdien gælder, fx 2024
data-csv-not-a-kind = `{ $text }` er ikke en type værdi
    .primary = her forventes actual eller forecast
    .help = `kind` er `actual` (resultat, til årsrapporten) eller `forecast` (prognose, til halvårsopfølgningen); tom betyder actual
data-csv-goal-value = `{ $id }` er et mål: et måls række giver kun en begrundelse, ikke en værdi
    .primary = værdi på et måls række
    .help = angiv værdier på rækken for målets indikator; brug målets række til begrundelsen
data-csv-goal-no-motivation = rækken for målet `{ $id }` har ingen begrundelse eller analyse
    .primary = tom begrundelse
    .help = et måls række giver målet en skriftlig begrundelse eller analyse; skriv den i kolonnen `motivation` (eller `analysis`)
data-csv-two-defaults = `{ $id }` har to forskellige værdier for sit standard-sammenligningsgrundlag ({ $kind }) i { $year }
    .primary = benchmark_{ $kind }
    .label = `benchmark`, standard-sammenligningsgrundlaget
    .help = `benchmark` er standard-sammenligningsgrundlaget, som for `{ $id }` er sammenligningsgrundlaget af typen `{ $kind }`: lad en af de to celler være tom, eller giv dem samme værdi

## json.rs: JSON syntax errors (Kolada files, Statbank mappings)

data-json-value-expected = her forventes en JSON-værdi
data-json-between-values = mellem JSON-værdier må der kun stå mellemrum, tabulatorer og linjeskift
data-json-control = et linjeskift eller et kontroltegn inde i en tekst
data-json-unterminated = teksten har intet afsluttende anførselstegn
data-json-hex-digits = `\u` skal efterfølges af fire hexadecimale cifre
data-json-surrogate = `\u`-sekvensen er ikke et tegn (et surrogat uden sin partner)
data-json-unknown-escape = ukendt escape-sekvens i teksten
data-json-digits = et tal skal have cifre
data-json-decimal-point = et tal skal have cifre både før og efter decimalpunktet
data-json-exponent = et tal skal have cifre i eksponenten
data-json-hexadecimal = hexadecimale tal er ikke tilladt i JSON
data-json-plus = et tal i JSON kan ikke begynde med `+`
data-json-single-quotes = tekst i JSON skrives i dobbelte anførselstegn
data-json-comments = kommentarer er ikke tilladt i JSON
data-json-too-deep = JSON-strukturen er indlejret for dybt
data-json-key-expected = her forventes et medlemsnavn i anførselstegn
data-json-colon-expected = her forventes `:` efter medlemsnavnet
data-json-ends = JSON-teksten slutter, hvor der forventedes en værdi
data-json-object-comma = her forventes `,` eller `{"}"}` i objektet
data-json-list-comma = her forventes `,` eller `]` i listen
data-json-after-end = uventet tekst efter slutningen af JSON-dokumentet
data-json-bad-number = tallet kan ikke læses
data-json-kind =
    .null = null
    .bool = true eller false
    .number = et tal
    .text = en tekst
    .list = en liste
    .object = et objekt

## kolada.rs (P0701, P0702, P0704, P0705, P0708): Kolada JSON exports

data-kolada-not-json = Kolada-filen er ikke gyldig JSON: { $reason }
    .help = gem svaret fra API'et uændret; et udtræk fra Kolada ser ud som `{"{"}"values": […], "count": …{"}"}`
data-kolada-no-values = denne JSON er ikke et dataudtræk fra Kolada: listen `values` mangler
    .primary = her forventes {"{"}"values": […]{"}"}
    .help = brug svaret fra Kolada-API'ets datakald (v3 `/v3/data/kpi/ID/municipality/ID` eller v2), gemt uændret
data-kolada-no-member = posten mangler `{ $member }`
data-kolada-no-municipality = posten mangler `municipality` (værdier pr. organisatorisk enhed understøttes ikke)
data-kolada-no-values-list = posten mangler listen `values`
data-kolada-not-text = `{ $member }` skal være en tekst, fx "{ $example }"
data-kolada-shape =
    .primary = forkert opbygget post
    .help = hver post i `values` ser ud som {"{"}"kpi": "…", "period": 2024, "municipality": "…", "values": [{"{"}"gender": "T", "value": …{"}"}]{"}"}
data-kolada-not-a-year =
    .help = Koladas `period` er det år, værdien gælder
data-kolada-not-a-number =
    .primary = { $kind }, ikke et tal
    .help = en værdi fra Kolada er et tal, eller null, når den mangler
data-kolada-first-value = den første værdi
data-kolada-second-total = Kolada-nøgletallet `{ $kpi }` har en ekstra totalværdi (køn T) for { $year } og kommunen `{ $municipality }`
    .help = hav én værdi med køn T pr. post: Kolada giver én totalværdi pr. nøgletal, periode og kommune, så gem svaret fra API'et uændret
data-kolada-unknown-kpi = Kolada-nøgletallet `{ $kpi }` er ikke kilde til nogen indikator i politikken ({ $count ->
        [one] én post bruges ikke
       *[other] { $count } poster bruges ikke
    })
    .help = tilføj `source kolada "{ $kpi }"` til den indikator, nøgletallet måler, eller fjern nøgletallet fra udtrækket
data-kolada-several = Kolada-filen har værdier for flere kommuner ({ $list }{ $more ->
        [yes] , …
       *[no] {""}
    }); hvilken kommune handler rapporten om?
    .primary = flere kommuner
    .help = vælg én med --municipality (fx --municipality 2425), og sammenligningsgruppen med --benchmark-municipality (fx 0024)
data-kolada-none-for = Kolada-filen har ingen værdier for kommunen `{ $municipality }`
    .primary = ingen værdier for denne kommune
    .help = kontrollér --municipality: Koladas kommunekoder har fire cifre, fx 2425 for Dorotea
data-kolada-benchmark-unused = værdierne for --benchmark-municipality `{ $municipality }` bruges ikke for `{ $id }`: politikken angiver Kolada-ID'et `{ $kolada }` for dens standard-sammenligningsgrundlag ({ $kind })
    .help = et Kolada-ID angivet i politikken (`benchmark { $kind } "…" kolada "{ $kolada }"`) går forud for --benchmark-municipality; udelad tilvalget, eller ret ID'et i politikken
data-kolada-twice = `{ $key }` står to gange { $place ->
        [top] på øverste niveau i Kolada-filen
       *[item] i samme objekt i denne post
    }
    .primary = anden `{ $key }`
    .label = den første `{ $key }`
    .help = JSON siger ikke, hvilken af dem der gælder: fjern den ene (Kolada-API'et nævner hvert medlem én gang, så gem svaret uændret)
data-kolada-second-value = Kolada-nøgletallet `{ $kpi }` har en ekstra værdi for { $year } og { $role ->
        [benchmark] sammenligningsgruppen
       *[municipality] kommunen
    } `{ $municipality }`
    .help = hav én post pr. nøgletal, periode og kommune

## statbank.rs (P0701, P0702, P0704, P0705, P0708): Statbank exports and their mapping

data-statbank-not-json = Statistikbank-mapningen er ikke gyldig JSON: { $reason }
    .help = se docs/reports.md for, hvordan mapningen skal se ud
data-statbank-twice = `{ $key }` står to gange i samme objekt i Statistikbank-mapningen
    .help = JSON siger ikke, hvilken af dem der gælder: fjern den ene (skriv to poster for at læse rækker med en af to tekster)
data-statbank-shape =
    .help = mapningen ser ud som {"{"}"indicators": [{"{"}"indicator": "ID", "where": {"{"}"COLUMN": "text"{"}"}, "benchmark": {"{"}"COLUMN": "text"{"}"}{"}"}]{"}"}; sammenligningsgrundlag pr. type er "benchmark_county", "benchmark_national", "benchmark_peers" og "benchmark_group", hver som "benchmark"
data-statbank-not-column = `{ $key }` skal være navnet på en kolonne
data-statbank-no-indicators = mapningen mangler listen `indicators`
data-statbank-no-indicator = posten mangler `indicator`
data-statbank-indicator-id = `indicator` skal være et indikator-ID
data-statbank-not-object = `{ $key }` skal være et objekt med kolonnenavne og tekster
data-statbank-not-text = værdien for `{ $key }` skal være en tekst
data-statbank-file-name = `file` skal være udtrækkets filnavn
data-statbank-no-rows = `{ $key }` nævner ingen rækker: angiv, hvilke rækker der er sammenligningsgrundlaget af typen `{ $kind }`, fx {"{"}"OMRÅDE": "Hele landet"{"}"}
data-statbank-no-where = posten for `{ $id }` mangler `where`: hvilke rækker er kommunens egne?
data-statbank-unknown-key = `{ $key }` er ikke en nøgle i Statistikbank-mapningen
    .primary = ukendt nøgle
    .help = i en post angiver `benchmark` rækkerne for standard-sammenligningsgrundlaget, og `benchmark_county`, `benchmark_national`, `benchmark_peers` og `benchmark_group` rækkerne for sammenligningsgrundlaget af den type
    .help-capital = I en post angiver `benchmark` rækkerne for standard-sammenligningsgrundlaget, og `benchmark_county`, `benchmark_national`, `benchmark_peers` og `benchmark_group` rækkerne for sammenligningsgrundlaget af den type
data-statbank-width =
    .help = eksportér tabellen igen fra Statistikbanken som CSV (semikolonsepareret)
data-statbank-no-column = Statistikbank-udtrækket har ingen kolonne `{ $name }`
    .primary = nævnt i mapningen
    .label = udtrækkets overskriftsrække
    .help = udtrækkets kolonner er { $columns }
data-statbank-not-a-time = `{ $text }` er ikke en tidsangivelse fra Statistikbanken
    .primary = her forventes fx 2023, 2023M08, 2023K3
    .help = tidskolonnen angiver år (2023) eller dele af år (2023M08, 2023K3, 2023H1)
data-statbank-not-a-number =
    .help = værdier fra Statistikbanken er tal; `..` betyder, at værdien mangler
data-statbank-periods = rækkerne for `{ $id }` i { $year } gælder forskellige perioder: `{ $first }` ({ $that ->
        [year] hele året
        [half] et halvår
        [quarter] et kvartal
       *[month] en måned
    }) og `{ $time }` ({ $this ->
        [year] hele året
        [half] et halvår
        [quarter] et kvartal
       *[month] en måned
    })
    .primary = en anden slags periode
    .label = den første række, for `{ $first }`
    .help = værdier for { $that ->
        [year] hele året
        [half] et halvår
        [quarter] et kvartal
       *[month] en måned
    } og for { $this ->
        [year] hele året
        [half] et halvår
        [quarter] et kvartal
       *[month] en måned
    } er forskellige målinger, og mapningen siger ikke, hvilken `{ $id }` læser: eksportér tabellen igen med kun { $that ->
        [year] år
        [half] halvår
        [quarter] kvartaler
       *[month] måneder
    } eller kun { $this ->
        [year] år
        [half] halvår
        [quarter] kvartaler
       *[month] måneder
    }
data-statbank-second-row = en ekstra række { $role ->
        [value] med værdi
        [benchmark] med sammenligningsgrundlag
       *[kind] med sammenligningsgrundlag af typen `{ $kind }`
    } for `{ $id }` og tiden `{ $time }`
    .primary = anden række
    .label = den første række
    .help = lad mapningens `where` vælge præcis én række pr. tidspunkt (tilføj en betingelse på en anden kolonne)
data-statbank-unmatched = { $more ->
        [0] rækken passer ikke til nogen post i Statistikbank-mapningen og bruges ikke
       *[other] rækken og { $more } mere passer ikke til nogen post i Statistikbank-mapningen og bruges ikke
    }
    .help = tilføj en post for rækkerne i mapningen, eller udelad dem fra udtrækket
data-statbank-two-defaults =
    .primary = rækken for `benchmark_{ $kind }`
    .label = rækken for `benchmark`, standard-sammenligningsgrundlaget
    .help = `benchmark` er standard-sammenligningsgrundlaget, som for `{ $id }` er sammenligningsgrundlaget af typen `{ $kind }`: behold kun én af `benchmark` og `benchmark_{ $kind }` i mapningens post for `{ $id }`, eller lad begge vælge de samme rækker

## progress.rs (P0701, P0702, P0705, P0710, P0711): activity files

data-progress-unknown-column = `{ $name }` er ikke en kolonne i en aktivitetsfil
    .help = kolonnerne i en aktivitetsfil er activity, status, date og comment (navnene på engelsk)
    .help-capital = Kolonnerne i en aktivitetsfil er activity, status, date og comment
data-progress-no-status = aktivitetsfilens overskriftsrække mangler kolonnen `status`
    .help = første linje skal nævne kolonnerne: activity,status,date,comment (comment kan udelades)
data-progress-width =
    .help = hver række skal have ét felt pr. kolonne i overskriftsrækken; en kommentar, der indeholder separatoren, skal stå i anførselstegn
data-progress-no-activity = rækken nævner ingen aktivitet
    .help = skriv aktivitetens ID fra politikken i kolonnen `activity`
data-progress-unknown-activity = aktiviteten `{ $id }` findes ikke i politikken
    .primary = ukendt aktivitet
    .help = data må kun nævne aktiviteter, som politikken angiver; tilføj `activity { $id } "…"` eller ret navnet
data-progress-no-status-given = rækken angiver ingen status
data-progress-not-a-status = `{ $word }` er ikke en status for en aktivitet
    .primary = her forventes planlagt, igangsat, afsluttet eller aflyst
    .help = en status er planlagt, igangsat, afsluttet eller aflyst, eller det samme på engelsk (planned, started, done, cancelled) eller svensk (planerad, påbörjad, klar, avbruten)
    .help-capital = En status er planlagt, igangsat, afsluttet eller aflyst, eller det samme på engelsk (planned, started, done, cancelled) eller svensk (planerad, påbörjad, klar, avbruten)
data-progress-not-a-date = `{ $text }` er ikke en dato
    .primary = her forventes en dato, fx 2024-03-15
    .help = skriv datoen, hvor aktiviteten blev igangsat, afsluttet eller aflyst, som år-måned-dag, fx 2024-03-15
data-progress-no-date = `{ $id }` er { $state ->
        [started] igangsat
        [done] afsluttet
       *[cancelled] aflyst
    }, men rækken angiver ingen dato
    .primary = dato mangler
    .label = { $state ->
        [started] igangsat
        [done] afsluttet
       *[cancelled] aflyst
    } her
    .help = skriv datoen, hvor aktiviteten blev { $state ->
        [started] igangsat
        [done] afsluttet
       *[cancelled] aflyst
    }, i kolonnen `date`, fx 2024-11-28: rapporten viser den, og om aktiviteten holdt sin frist
data-progress-second-row = `{ $id }` har en ekstra række for { $date }
    .undated = `{ $id }` har en ekstra række uden dato
    .label = den første række for samme aktivitet og dato
    .help = hav én række pr. aktivitet og dato: slet eller ret en af dem

## eval.rs (P0707, P0709): data checks of the report

data-stale-group = `{ $id }` sammenlignes med gruppen "{ $group }", som gælder { $defined }, men rapporten er for { $year }
    .primary = en gruppe for { $defined }
    .help-kolada = Kolada fastlægger sine kommunegrupper på ny hvert år, og `{ $kolada }` er gruppen for { $defined }: angiv i politikken Kolada-ID'et for gruppen for { $year }, og skriv { $year } sidst i beskrivelsen, eller opdatér beskrivelsen, hvis gruppen stadig er det rette sammenligningsgrundlag
    .help = en kommunegruppe, der gælder { $defined }, er måske ikke det rette sammenligningsgrundlag for { $year }: angiv gruppen for { $year }, og skriv { $year } sidst i beskrivelsen, eller opdatér beskrivelsen, hvis gruppen stadig er den rette
data-no-motivation = målet `{ $goal }` har status { $status } ({ $label }) i { $report } { $year }, og { $by ->
        [rollup] dets sammenvejning
       *[rule] dets regel
    } kræver en skriftlig begrundelse, men data angiver ingen
    .primary-row = rækken mangler en begrundelse
    .primary = målet skal have en begrundelse
    .label = målet
    .help = skriv begrundelsen i datafilens kolonne `motivation`, fx rækken `{ $row }`{ $adds ->
        [yes] {" "}efter at have tilføjet kolonnen `motivation` til overskriftsrækken
       *[no] {""}
    } (eller en række for selve målet: `{ $goal_row }`)
    .help-rollup = giv målet en række i data: `{ $row }`
