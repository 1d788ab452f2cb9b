# checks: texter i src/checks/ (se locales/README.md)

## activities.rs (P0610–P0615)

activity-no-goal = aktiviteten `{ $activity }` hör inte till något mål
    .primary = `under` saknas
    .help = en aktivitet genomförs för ett mål: lägg till `under MÅL` med det mål (verksamhetsmål) som den ska bidra till
activity-no-owner = aktiviteten `{ $activity }` har ingen ansvarig: ingen svarar för den
    .primary = `owner` saknas
    .help-goal-owner = lägg till `owner { $owner }` (målets ansvariga), eller ett annat organ
    .help = lägg till `owner ORGAN` med den nämnd eller förvaltning som genomför aktiviteten
activity-no-deadline = aktiviteten `{ $activity }` har inget slutdatum
    .primary = `deadline` saknas
    .help = lägg till `deadline ÅR-MÅNAD-DAG`, till exempel `deadline 2026-06-30`: utan slutdatum kan ingen uppföljning visa om aktiviteten är försenad
activity-starts-late = aktiviteten `{ $activity }` startar { $start } men ska vara klar { $deadline }
    .primary = startar efter slutdatumet
    .deadline = slutdatumet
    .help = startdatumet ska ligga före slutdatumet: kontrollera båda datumen (har dag och månad bytt plats?)
activity-outside-period = { $what ->
        [start] startdatumet
       *[deadline] slutdatumet
    } { $date } för aktiviteten `{ $activity }` ligger utanför styrdokumentets period { $from }..{ $to }
    .primary = utanför perioden
    .period = styrdokumentets period
    .help = välj ett datum inom styrdokumentets period, eller förläng perioden: uppföljningen av styrdokumentet omfattar aktiviteter inom perioden
activity-budget = budgeten för aktiviteten `{ $activity }` ska vara ett helt antal kronor och inte negativ
    .primary = inte ett helt belopp
    .help = skriv budgeten i hela kronor utan tusentalsavgränsare, till exempel `budget 250000 kr`

## chain.rs (P0104, P0110, P0111, P0201–P0208)

chain-repeated-number = målet `{ $goal }` har nummer { $number }, som målet `{ $earlier }` redan har
    .primary = samma nummer igen
    .earlier = `{ $earlier }` har nummer { $number }
    .help = ge varje mål det nummer det har i beslutet; två mål kan inte ha samma nummer
chain-no-chain = målet `{ $goal }` är angivet på nivån `{ $level }`, men styrdokumentet har ingen `chain` som anger några nivåer
    .primary = ingen målkedja anger den här nivån
    .help = lägg till en `chain {"{"} level … {"}"}` som räknar upp målkedjans nivåer, den högsta först
chain-unused-level = nivån `{ $level }` finns i målkedjan, men inget mål ligger på den
    .primary = nivån används inte
    .help = lägg till mål som skrivs `{ $level } ID "rubrik" {"{"} … {"}"}`, eller ta bort nivån ur målkedjan
chain-top-level-under = målet `{ $goal }` ligger på den högsta nivån `{ $level }`, som inte har någon nivå över sig, så det kan inte ligga under ett annat mål
    .primary = den högsta nivån kopplas inte till något
    .top = högsta nivån
    .help = ta bort `under`, eller ange målet på en lägre nivå
chain-no-parent = målet `{ $goal }` ligger på nivån `{ $level }` men är inte kopplat till något mål på nivån `{ $expected }`
    .primary = `under` saknas
    .help = lägg till `under ID` med det { $expected }-mål som målet ska bidra till
chain-wrong-parent-level = målet `{ $goal }` ligger på nivån `{ $level }`, som kopplas till nivån `{ $expected }`, men `{ $parent }` ligger på nivån `{ $parent_level }`
    .primary = här ska det stå ett mål på nivån `{ $expected }`
    .this = det här målet ligger på nivån `{ $level }`
    .parent = `{ $parent }` ligger på nivån `{ $parent_level }`
    .help = koppla till ett mål på nivån `{ $expected }`
chain-parents = målet `{ $goal }` har { $count } överordnade mål, men varje mål på nivån `{ $level }` ska ha exakt ett
    .primary = andra överordnade målet
    .first = första överordnade målet
    .help = behåll ett överordnat mål; ett mål som bidrar till flera mål hör hemma på en nivå med `at least one parent`
    .level = nivån kräver exakt ett överordnat mål
chain-no-children = målet `{ $goal }` bedöms utifrån målen under det, men inget mål ligger under det, så det kan aldrig bedömas
    .primary = inga mål under det här
    .help = lägg till mål med `under { $goal }`, eller ta bort målet
chain-assessed-measured = målet `{ $goal }` { $has }, men dess nivå `{ $level }` bedöms med sammanvägningen `{ $rollup }` utifrån målen under: { $ignored ->
        [measure] målets egen indikator
        [target] målets eget målvärde
       *[rule] målets egen regel
    } skulle inte användas
    .measured-by = mäts med `{ $indicator }`
    .own-target = har ett eget målvärde
    .own-rule = har en egen regel `{ $rule }`
    .lines = { $count ->
        [one] raden { $words }
       *[other] raderna { $words }
    }
    .primary = används inte: sammanvägningen `{ $rollup }` avgör
    .rollup = nivån `{ $level }` bedöms med den här sammanvägningen
    .too = { $what ->
        [measure] den här indikatorn
        [target] det här målvärdet
       *[rule] den här regeln
    } används inte heller
    .measured = nivån är också angiven som `measured`
    .help-both = en nivå är antingen `measured` (dess mål har egen indikator, eget målvärde och egen regel) eller `assessed by` en sammanvägning av målen under, inte båda: ta bort det ena från nivån `{ $level }`; eller ta bort { $lines } från målet
    .help-indicators = ta bort { $lines } från målet, eller flytta målet till en nivå som mäts; för att visa indikatorn vid målet utan att den ger en status, skriv `indicators { $indicator }`
    .help = ta bort { $lines } från målet, eller flytta målet till en nivå som mäts
chain-cycle = målkedjan går runt i en cirkel: `{ $goal }` ligger under { $rest }
    .link = `{ $goal }`, som ligger under { $rest }
    .last = `{ $goal }`
    .primary = målet ligger (indirekt) under sig självt
    .help = målen kopplas uppåt mot visionen; ta bort en av `under`-kopplingarna i cirkeln
    .part = en del av cirkeln
chain-two-tops = målkedjan har två högsta nivåer, `{ $first }` och `{ $second }`; bara den första nivån får sakna `under`
    .primary = andra högsta nivån
    .first = första högsta nivån
    .help = lägg till `under NIVÅ` på `{ $second }`
chain-unknown-level = nivån `{ $level }` ligger under `{ $under }`, som inte är en nivå i målkedjan
    .primary = okänd nivå
    .help = ange en nivå som finns i den här målkedjan
chain-level-under-itself = nivån `{ $level }` ligger under sig själv
    .primary = en nivå kan inte ligga under sig själv
    .help = ange nivån ovanför den här
chain-level-cycle = målkedjans nivåer går runt i en cirkel: { $levels }
    .primary = nivån ligger (indirekt) under sig själv
    .help = nivåerna går från den högsta (utan `under`) och nedåt; bryt cirkeln
chain-no-policy = filen anger inget styrdokument: den har ingen `policy`, och ingen fil som den inkluderar har det heller
    .primary = ingen `policy` ovanför
    .help = börja filen med `policy ID "rubrik" {"{"} period 2024..2027 {"}"}`; en fil som ska inkluderas kontrolleras som en del av filen som inkluderar den — kontrollera den i stället (`pejl new` skapar ett styrdokument utifrån ett exempel)

## Delar som kontrollerna delar

checks-and = { $first } och { $second }
checks-comma = { $first }, { $second }
checks-nothing = {""}

## rules.rs (P0301–P0307, P0310, P0311)

rules-lacks = målet `{ $goal }` använder regeln `{ $rule }`, som jämför med { $compares }, men { $missing }
    .target = målvärdet
    .baseline = utgångsvärdet
    .benchmark = jämförelsevärdet
    .kind = jämförelsevärdet `{ $kind }`
    .target-kind = målvärdet, som är jämförelsevärdet `{ $kind }`
    .no-target = målet har inget målvärde
    .no-baseline = målet har inget utgångsvärde
    .no-benchmark = dess indikator `{ $indicator }` har inget jämförelsevärde
    .no-indicator = det har ingen indikator med ett jämförelsevärde
    .no-kind = dess indikator `{ $indicator }` har ingen `benchmark { $kind }`
    .no-indicator-kind = det har ingen indikator med jämförelsevärdet `{ $kind }`
    .needs-target = kräver ett målvärde
    .needs-baseline = kräver ett utgångsvärde
    .needs-benchmark = kräver ett jämförelsevärde på indikatorn
    .needs-kind = kräver `benchmark { $kind }` på indikatorn
    .target-is-kind = målvärdet är jämförelsevärdet `{ $kind }`
    .chosen-here = regeln väljs här
    .default-rule = målet använder styrdokumentets standardregel
    .indicator-no-benchmark = indikatorn har ingen `benchmark`
    .help = ge målet det som regeln jämför med (`target …`, `baseline …` eller en `benchmark` på indikatorn), eller välj en annan regel med `rule ID`
rules-too-large = regeln `{ $rule }` är för stor för att pejl ska kunna kontrollera den helt: det pejl hittade redovisas, men pejl kan inte lova att varje rad kan gälla eller att varje värde får en status
    .primary = inte helt kontrollerad
    .help = en regel behöver sällan mer än några få rader; den här har { $count }. Dela upp den i regler för olika indikatorer, eller använd färre rader som jämför med ett jämförelsevärde
rules-no-missing = regeln `{ $rule }` har ingen rad för värden som saknas
    .primary = ingen rad med `missing`
    .help = lägg till `{ $status } when missing requires motivation`; utan den får ett saknat värde `{ $status }` utan någon förklaring
rules-never-holds = villkoret på raden `{ $status }` i regeln `{ $rule }` kan aldrig vara uppfyllt
    .primary = inget värde uppfyller villkoret
    .help = kontrollera talen och `and`/`or`: kanske menade du `or`, eller andra gränsvärden
rules-shadowed = raden `{ $status }` i regeln `{ $rule }` kan aldrig gälla: raderna före den tar redan alla värden som den omfattar
    .primary = aldrig den första som stämmer
    .help = raderna prövas i ordning och den första som stämmer gäller; flytta upp raden eller gör raderna före den snävare
    .earlier = raden `{ $status }` tar dessa värden först
rules-gap = regeln `{ $rule }` ger inte alla värden en status: { $example } får ingen status
    .primary = alla värden får inte en status
    .help = lägg till en rad som täcker dessa värden, oftast en sista rad som `red otherwise`
    .goal = till exempel för det här målet
rules-example = värdet { $value }{ $when }
    .goal = värdet { $value }{ $when } (målet `{ $goal }`)
rules-when = {" "}när { $given }
rules-given =
    .benchmark = { $kind ->
        [county] länssnittet
        [national] rikssnittet
        [peers] snittet för liknande kommuner
       *[group] jämförelsegruppens snitt
    } är { $value }
    .milestone-year = delmålet för { $year } är { $value }
    .milestone = delmålet är { $value }
    .target = målvärdet är { $value }
    .baseline = utgångsvärdet är { $value }
rules-direction = `{ $status }` ges till värdet { $worse } men inte till { $better }, fast regelns indikator anger att { $direction ->
        [higher] högre är bättre
       *[lower] lägre är bättre
    }
    .goal = `{ $status }` ges till värdet { $worse } men inte till { $better } för målet `{ $goal }`, fast dess indikator `{ $indicator }` anger att { $direction ->
        [higher] högre är bättre
       *[lower] lägre är bättre
    }
    .primary = bästa status för sämre värden
    .help = kontrollera jämförelsen (`>=` eller `<=`) och indikatorns `higher is better` / `lower is better`; `meets` och `better than` följer riktningen av sig själva, så en regel som skrivs med dem passar indikatorer åt båda hållen
rules-uses-this-rule = `{ $goal }` använder den här regeln
rules-inversion = i regeln `{ $rule }` får ett bättre värde en sämre status: { $better } får `{ $better_status }` men { $worse } får `{ $worse_status }`{ $when }, fast { $which } anger att { $direction ->
        [higher] högre är bättre
       *[lower] lägre är bättre
    }
    .indicator = `{ $indicator }`
    .the-indicator = indikatorn
    .gives = ger `{ $status }` till { $value }
    .help = raderna prövas i ordning och den första som stämmer gäller: sätt raden med bästa status först (till exempel `green`, sedan `yellow`, sedan `red`), eller rätta gränsvärdena

## smart.rs (P0108, P0401–P0408, P0501–P0505, P0602)

smart-no-direction = indikatorn `{ $indicator }` anger inte om höga eller låga värden är bättre
    .primary = ingen riktning
    .help = lägg till `higher is better` eller `lower is better` på indikatorn
smart-period-order = styrdokumentets period slutar ({ $to }) innan den börjar ({ $from })
    .primary = åren i fel ordning
    .help = skriv `period { $to }..{ $from }`
smart-unmeasurable = målet `{ $goal }` ligger på nivån `{ $level }`, där målen mäts, men har ingen { $missing }
    .measure = `measure INDIKATOR`
    .target = `target VÄRDE by ÅR`
    .rule = `rule REGEL` (eller en `default rule` i styrdokumentet)
    .primary = inte mätbart som det är skrivet
    .help = lägg till { $missing } så att målet kan följas upp
    .level = nivån kräver mätbara mål
smart-target-no-measure = målet `{ $goal }` har ett målvärde men ingen `measure`, så målvärdet kan inte följas upp
    .primary = målvärde utan indikator
    .help = lägg till `measure INDIKATOR`, eller ta bort målvärdet
smart-no-deadline = målvärdet för målet `{ $goal }` har inget år då det ska vara nått
    .primary = när ska målvärdet vara nått?
    .help = lägg till året, till exempel `by 2026`, så att målet är tidsatt
smart-relative-no-baseline = målet `{ $goal }` har ett målvärde i förhållande till utgångsvärdet, men inget utgångsvärde
    .primary = i förhållande till vad?
    .help = lägg till `baseline VÄRDE in ÅR`, eller ange målvärdet som ett tal
smart-unit-misfit = { $what ->
        [baseline] utgångsvärdet
        [target] målvärdet
       *[milestone] delmålet
    } { $value } passar inte enheten `{ $unit }`: { $problem }
    .unit = indikatorns enhet
    .help = rätta värdet eller indikatorns enhet
smart-unit-problem =
    .whole = det måste vara ett heltal
    .percent = en andel i procent ligger mellan 0 och 100
    .rank = en rangordning börjar på 1
    .negative = det kan inte vara negativt
    .range = enheten tillåter { $low } till { $high }
    .below = enheten tillåter inga värden under { $low }
    .above = enheten tillåter inga värden över { $high }
smart-baseline = utgångsvärde
smart-no-improvement = målvärdet { $target } är inte bättre än utgångsvärdet { $baseline }: för `{ $indicator }` är { $direction ->
        [higher] högre
       *[lower] lägre
    } bättre
    .primary = ingen förbättring
    .help = sätt ett målvärde som är { $direction ->
        [higher] högre
       *[lower] lägre
    } än utgångsvärdet, eller kontrollera indikatorns riktning
smart-ambitious = att nå { $target } från { $baseline } till { $year } kräver { $direction ->
        [higher] en förbättring
       *[lower] en minskning
    } med { $percent } % per år i { $count } år
    .primary = ambitiöst målvärde
    .help = kontrollera att målvärdet är realistiskt, eller ge det mer tid; delmål kan visa vägen
smart-no-owner = målet `{ $goal }` har ingen ansvarig: ingen svarar för det
    .primary = `owner` saknas
    .help-parent = lägg till `owner { $owner }` (ansvarig för målet ovanför), eller ett annat organ
    .help = lägg till `owner ORGAN` med den fullmäktige, nämnd eller förvaltning som svarar för målet
smart-vague = rubriken säger "{ $phrase }", vilket lovar ett arbete, inte ett resultat
    .primary = vag formulering
    .help = skriv vad som ska uppnås, t.ex. "Andelen … ska öka till 80 %" (SMART: specifikt)
smart-no-follow-up = det mätbara målet `{ $goal }` följs inte upp i någon rapport
    .primary = `follow-up` saknas
    .help-report = lägg till `follow-up { $report }` med de rapporter där målet följs upp
    .help = ange en `report` och lägg till `follow-up RAPPORT` på målet
smart-fraction = { $what ->
        [baseline] utgångsvärdet
        [target] målvärdet
       *[milestone] delmålet
    } { $value } ser ut som en andel av 1: menade du { $meant }?
    .primary = mindre än 1 %
    .unit = indikatorn räknar i procent, 0 till 100
    .help = procent skrivs från 0 till 100: skriv { $written }; om värdena verkligen är under 1 %, låt dem stå
    .fix = Skriv som procent: { $written }
    .written = { $what ->
        [baseline] utgångsvärdet
        [target] målvärdet
       *[milestone] delmålet
    } { $value }
    .other = { $what ->
        [baseline] utgångsvärdet
        [target] målvärdet
       *[milestone] delmålet
    }: { $value }?
smart-outside-period = { $what ->
        [deadline] året för målvärdet
       *[milestone] delmålets år
    } { $year } ligger utanför styrdokumentets period { $from }..{ $to }
    .primary = utanför perioden
    .period = styrdokumentets period
    .help = välj ett år inom styrdokumentets period, eller förläng perioden
smart-target-year = målår
smart-baseline-year = utgångsåret { $baseline } ligger inte före målåret { $target }
    .primary = utgångsår
    .help = utgångsvärdet är startpunkten: dess år kommer före målvärdets
smart-milestone-year = delmålets år { $year } ligger inte mellan utgångsåret{ $baseline } och målåret{ $target }
    .year = {" "}({ $year })
    .primary = delmålet i fel ordning
    .help = delmål är steg på vägen: efter utgångsåret, före målåret

## test_decls.rs (P0107, P0501, P0802–P0805)

checks-test-cannot-run = testet "{ $title }" har { $missing ->
        [year] inget `year`
        [report] ingen `report`
       *[both] inget `year` och ingen `report`
    }
    .primary = kan inte köras
    .help = ett test beräknar styrdokumentet för ett år och en rapport, som `pejl report` gör: lägg till { $missing ->
        [year] `year 2024`
        [report] `report annual`
       *[both] `year 2024` och `report annual`
    }
    .help-reports = ett test beräknar styrdokumentet för ett år och en rapport, som `pejl report` gör: lägg till { $missing ->
        [year] `year 2024`
        [report] `report annual`
       *[both] `year 2024` och `report annual`
    } (styrdokumentets rapporter är { $reports })
checks-test-outside-period = testet "{ $title }" gäller { $year }, utanför styrdokumentets period { $from }..{ $to }
    .primary = utanför perioden
    .help = en rapport görs bara för ett år i styrdokumentets period: testa ett år från { $from } till { $to }
checks-test-expects-nothing = testet "{ $title }" förväntar sig ingenting, så det kan aldrig misslyckas
    .primary = `expect` saknas
    .help = lägg till de statusar som indata ska ge, till exempel `expect MÅL green`; `pejl test --update` skriver in dem utifrån vad styrdokumentet ger nu
checks-test-twice = { $what } anges två gånger i samma test
    .value = värdet för `{ $name }`
    .kind = jämförelsevärdet { $kind } för `{ $name }`
    .benchmark = jämförelsevärdet för `{ $name }`
    .motivation = motiveringen för `{ $name }`
    .expectation = en förväntan för `{ $name }`
    .primary = andra gången
    .first = angavs först här
    .help = behåll ett av dem: ett test anger varje uppgift en gång, precis som en datafil har en rad per indikator, år och slag
checks-test-unused =
    .primary = används inte
    .unmeasured = inget mål mäts med `{ $name }`, så värdet avgör ingen status
    .unmeasured-help = ta bort raden, eller testa ett mål vars `measure` är `{ $name }`
    .no-benchmark = `{ $name }` har inget jämförelsevärde, så värdet används inte
    .no-benchmark-help = ange ett på indikatorn (`benchmark county "…"`), eller ta bort raden
    .no-kind = `{ $name }` har inget jämförelsevärde { $kind }, så värdet används inte
    .no-kind-help = ange `benchmark { $kind } "…"` för `{ $name }` i styrdokumentet, eller ge ett jämförelsevärde som indikatorn har: { $declared }
checks-test-unit-misfit = { $what ->
        [benchmark] jämförelsevärdet
       *[value] värdet
    } { $value } passar inte enheten `{ $unit }` för `{ $name }`: { $problem }
    .help = rätta testets värde: ingen datafil skulle kunna ge det

## reports.rs (P0503, P0603–P0606)

reports-incomplete = rapporten `{ $report }` anger inte { $words }
    .uses = `uses forecast` (en delårsrapport) eller `uses actual`
    .due = `due 08-31`, eller `due 04-15 next year` för en årsredovisning
    .to = `to KF` (eller flera: `to KF, KS`)
    .no = `{ $word }` saknas
    .primary = ofullständig rapport
    .then = { $first }; { $second }
    .help = lägg till { $forms }
reports-covers-order = perioden för rapporten `{ $report }` slutar innan den börjar
    .primary = i fel ordning
    .help = skriv den första dagen först: `covers 01-01..08-31`
reports-interim-length = delårsrapporten `{ $report }` omfattar { $months } månader av året; lagen kräver minst hälften och högst två tredjedelar av året
    .short = mindre än halva året
    .long = mer än två tredjedelar av året
    .help = en delårsrapport omfattar minst sex och högst åtta månader (LKBR 13 kap. 1 §): från `covers 01-01..06-30` till `covers 01-01..08-31`
reports-interim-late = delårsrapporten `{ $report }` ska lämnas { $due }{ $next ->
        [yes] {" "}året efter
       *[no] {""}
    }, mer än två månader efter slutet av perioden { $end }
    .primary = senare än lagen tillåter
    .covers = perioden som rapporten omfattar
    .help = fullmäktige ska behandla delårsrapporten inom två månader från periodens slut (KL 11 kap. 16 §): lämna den senast { $limit }{ $next ->
        [yes] {" "}året efter
       *[no] {""}
    }
reports-children-not-followed = målet `{ $goal }` ska följas upp i `{ $report }`, men inget av målen under det följs upp där
    .primary = skulle visas som ej uppföljt i `{ $report }`
    .level = nivån kräver det här
    .help = lägg till `{ $report }` i `follow-up` för målen under `{ $goal }`, eller följ upp målet någon annanstans

## rollups.rs (P0308, P0309, P0311)

rollups-too-large = sammanvägningen `{ $rollup }` är för stor för att pejl ska kunna kontrollera den helt: den del som kontrollerades är i ordning, men pejl kan inte lova att varje rad kan användas
    .primary = inte helt kontrollerad
    .help = skriv andelar med färre decimaler (`33.3%` i stället för `33.33333%`) eller använd färre rader; luckor som pejl hittade redovisas ändå
rollups-never-used = raden `{ $status }` i sammanvägningen `{ $rollup }` används aldrig: inget mål kan uppfylla villkoret, vilka statusar målen under det än har
    .shadowed = raden `{ $status }` i sammanvägningen `{ $rollup }` används aldrig: varje mål som den passar får sin status från raderna före (till exempel ger raderna före `{ $earlier }` till { $example })
    .primary = raden används aldrig
    .help = raderna prövas i ordning och den första som stämmer gäller; ändra ordningen på raderna eller rätta villkoret
    .earlier = raden `{ $status }` tar dessa kombinationer först
rollups-gap = sammanvägningen `{ $rollup }` ger inte alla mål en status: { $example } får ingen status
    .primary = alla kombinationer får inte en status
    .help = lägg till en rad för den här kombinationen, oftast en sista rad som `yellow otherwise`
rollups-children =
    .one = mål där det enda målet under har { $status }
    .status = { $status }
    .each = mål där målen under har { $statuses }
    .part = { $count } { $status }
    .counts = mål med { $count } mål under, { $parts }
