# syntax: texter i src/syntax/ (syntaxfel, literaler; se locales/README.md).

## Rättningar, delas med andra områden

# Rubriken på en rättning som ersätter de understrukna orden.
fix-change-to = Ändra till `{ $to }`
fix-write = Skriv `{ $to }`

## Det pejl hittade där något annat väntades

syntax-found-end-of-file = slutet av filen
syntax-found-end-of-line = slutet av raden
# Ett ord eller ett tecken som användaren skrev.
syntax-found-word = `{ $word }`
# Ett nyckelord i språket.
syntax-keyword = `{ $keyword }`

## Det pejl väntade sig ("väntade ett namn …")

syntax-expected-name = ett namn
syntax-expected-names = ett eller flera namn åtskilda med kommatecken
syntax-expected-string = en text inom citattecken
syntax-expected-title = en rubrik inom citattecken
syntax-expected-number = ett tal
syntax-expected-percent = en procentsats, till exempel `10%`
syntax-expected-change = en relativ förändring, till exempel `+10%`
syntax-expected-year = ett årtal, till exempel `2026`
syntax-expected-date = ett datum, till exempel `2023-12-04`
syntax-expected-deadline = ett årtal, till exempel `2026`, eller ett datum, till exempel `2026-12-31`
syntax-expected-month-day = en månad och dag, till exempel `08-31`, eller ett datum, till exempel `2025-04-15`
syntax-expected-unit-per = `per` och vad enheten räknas per, till exempel `per 1000 invånare`
syntax-expected-unit-bound = `min 0` eller `max 100`
syntax-expected-year-range = ett årsintervall, till exempel `2024..2027`
syntax-expected-comparison = en jämförelse (`>=`, `>`, `<=`, `<`, `==`)
syntax-expected-condition = ett villkor (`meets target`, `within 10% of benchmark`, `value >= 80`, `missing`, …)
syntax-expected-rollup-condition = ett villkor på de underordnade målen (`all green`, `share green >= 50%`, …)
syntax-expected-reference = `target`, `benchmark`, `baseline` eller ett tal
syntax-expected-target-value = ett tal, `benchmark` eller en förändring, till exempel `+10%`
syntax-expected-otherwise = `when` eller `otherwise`
syntax-expected-currency = `kr`, `kronor` eller `kroner`
syntax-expected-declaration = en definition (`policy`, `body`, `indicator`, ett mål, …)
syntax-expected-else = något annat
# "ett namn, ett tal eller `owner`"
syntax-expected-comma = { $first }, { $rest }
syntax-expected-or = { $first } eller { $last }

## Definitioner ("för målet `x`")

syntax-decl-policy = styrdokumentet
syntax-decl-include = raden `include`
syntax-decl-body = organet
syntax-decl-chain = målkedjan
syntax-decl-scale = statusskalan
syntax-decl-indicator = indikatorn
syntax-decl-value = värdegrunden
syntax-decl-report = rapporten
syntax-decl-rule = regeln
syntax-decl-rollup = sammanvägningen
syntax-decl-test = testet
syntax-decl-activity = aktiviteten
syntax-decl-goal = målet
# "målet `klimat`"
syntax-decl-named = { $what } `{ $id }`

## Block ("hör inte hemma i ett mål")

syntax-block-policy = styrdokumentet
syntax-block-body = ett organ
syntax-block-chain = målkedjan
syntax-block-scale = statusskalan
syntax-block-indicator = en indikator
syntax-block-report = en rapport
syntax-block-rule = en regel
syntax-block-rollup = en sammanvägning
syntax-block-labels = en statusrads formuleringar
syntax-block-goal = ett mål
syntax-block-test = ett test
syntax-block-activity = en aktivitet

## Syntaxfel (P0001, P0002)

syntax-too-deep = villkoret har parenteser i fler än { $depth } nivåer
    .label = för djupt
    .help = dela upp villkoret i enklare statusrader; en statusrad behöver sällan mer än två nivåer av parenteser
syntax-typographic-quote = `{ $quote }` är ett typografiskt citattecken, av det slag som ordbehandlingsprogram skriver
    .help = skriv texten inom raka citattecken `"`: skriv om citattecknen i editorn, eller stäng av typografiska citattecken i programmet du kopierade från
syntax-percent-sign = `{ $number }%`: här skrivs talet utan `%`
    .help = skriv `{ $number }`: ett måls tal anges i indikatorns enhet, så för en procentandel betyder `{ $number }` { $number } % (`+10%` i ett målvärde är en förändring jämfört med utgångsvärdet)
syntax-here = här
syntax-text-block-unclosed = textblocket avslutas aldrig
    .label = textblocket börjar här
    .help = avsluta textblocket med `"""` på en egen rad
syntax-string-unclosed = texten saknar avslutande citattecken
    .label = texten börjar här
    .help = lägg till ett `"` i slutet av texten; ett `"` inuti texten skrivs `\"`
syntax-block-unclosed = blocket för { $what } `{ $id }` är inte avslutat: det saknas en `{"}"}`
    .label = nästa definition börjar här
    .help = lägg till en `{"}"}` på en egen rad där blocket ska sluta
syntax-block-opened = blocket börjar här
syntax-block-unclosed-at-end = blocket för { $what } `{ $id }` är inte avslutat: det saknas en `{"}"}` i slutet av filen
    .label = blocket avslutas aldrig
syntax-not-a-declaration = { $found } kom oväntat: här ska en definition börja, till exempel `body`, `indicator` eller ett mål
    .label = inte början på en definition
    .help = varje definition börjar först på en rad, med ett nyckelord eller ett nivånamn; kontrollera om en klammerparentes saknas eller står fel längre upp
syntax-expected-for = väntade { $expected } för { $subject }, men hittade { $found }
    .label = här väntades { $expected }
syntax-declaration-skipped = i den här definitionen, som pejl hoppade över
syntax-unexpected-in = `{ $char }` hör inte hemma i { $block }
syntax-not-a-statement = `{ $word }` hör inte hemma i { $block }
    .label = känns inte igen
# "Ett mål kan innehålla: `under`, `owner`, …"
syntax-accepts = { $block ->
        [policy] Styrdokumentet
        [body] Ett organ
        [chain] Målkedjan
        [scale] Statusskalan
        [indicator] En indikator
        [report] En rapport
        [rule] En regel
        [rollup] En sammanvägning
        [labels] En statusrads formuleringar
        [test] Ett test
        [activity] En aktivitet
       *[goal] Ett mål
    } kan innehålla: { $list }
syntax-after-statement = { $found } kom oväntat efter `{ $word }` i { $block }
    .label = hör inte till raden
    .help = skriv varje uppgift på en egen rad; ta bort det som står efter eller skriv klart det
syntax-expected-after = väntade { $expected } efter { $what }, men hittade { $found }
    .label = här väntades { $expected }
syntax-the-status = statusen
syntax-the-label = formuleringen
syntax-the-band = statusraden `{ $word }`
syntax-year-word = i `{ $statement }` skrivs året efter `{ $right }`, inte efter `{ $word }`
    .label = skriv `{ $right }` här
    .help = skriv `{ $example }`
syntax-unknown-language = `{ $language }` är inget språk som pejl känner till
    .label = okänt språk
    .help = skriv `language sv`, `language da` eller `language en`
syntax-not-a-choice = `{ $word }` är ingen giltig { $what }
    .label = okänd { $what }
    .help = en { $what } är något av följande: { $list }
syntax-not-a-choice-dym = { $dym } En { $what } är något av följande: { $list }
syntax-unknown-unit = `{ $unit }` är ingen enhet som pejl känner till
    .label = okänd enhet
    .help = menade du `{ $best }`? De enheter som pejl känner till är { $list }, `percent change` och `currency "SEK"`; en egen enhet skrivs inom citattecken: `unit { $own }`
syntax-unknown-unit-own = skriv en egen enhet inom citattecken, `unit { $own }`, eller använd en som pejl känner till: { $list }, `percent change`, `currency "SEK"`
syntax-number-too-large = talet har { $digits } siffror; pejl läser tal upp till 1 000 000 000 000 000 (10^15)
    .label = för stort
    .help = kontrollera om en siffra har skrivits två gånger eller om en decimalpunkt saknas

## Ord som ett val kan gälla ("`x` är ingen giltig måltyp")

syntax-choice-policy-status = dokumentstatus
syntax-choice-country = landskod
syntax-choice-body-kind = organtyp
syntax-choice-source-kind = källtyp
syntax-choice-benchmark-kind = typ av jämförelsevärde
syntax-choice-frequency = frekvens
syntax-choice-uses = värdetyp för `uses`
syntax-choice-goal-kind = måltyp
syntax-choice-budget-currency = budgetvaluta

## Hjälp när en rad är felskriven: "skriv så här: `baseline 68 in 2022`"

syntax-write-it-as = skriv så här: { $form }
syntax-check-reference = se i språkreferensen hur `{ $word }` skrivs
syntax-form-goal-under = `under PARENT_ID` eller `under ID1, ID2`
syntax-form-goal-owner = `owner BODY_ID` eller, för ett mål som flera organ delar på, `owner KS, KF`
syntax-form-goal-kind = `kind result`, `kind effect` eller `kind activity`
syntax-form-goal-target = `target 75 by 2026`, `target 75 by 2026-12-31`, `target benchmark by 2026` eller `target +10% by 2026`
syntax-form-goal-text = `text "…"` eller `text """…"""`
syntax-form-policy-status = `status draft` eller `status adopted`
syntax-form-policy-language = `language sv`, `language da` eller `language en`
syntax-form-indicator-unit = `unit percent`, `unit percent change`, `unit currency "SEK"` eller en egen enhet, till exempel `unit "ton CO2e"` eller `unit "kr" per invånare`
syntax-form-indicator-direction = `higher is better` eller `lower is better`
syntax-form-report-uses = `uses forecast` eller `uses actual`
syntax-form-report-due = `due 08-31`, `due 04-15 next year` eller `due 2025-04-15`
syntax-form-report-to = `to BODY_ID` eller `to KF, KS`
syntax-form-policy-country = `country se` eller `country dk`
syntax-form-scale = `green "Uppfyllt"`, och `not assessable` efter den grå statusen
syntax-form-rule = `green when meets target`, `red otherwise` eller `grey when missing requires motivation`
syntax-form-rollup = `green when share green >= 50%` eller `yellow otherwise`
syntax-form-labels = `interim "…"`, med en rapports ID och dess formulering
syntax-form-test-benchmark = `benchmark INDICATOR_ID 72` eller, för ett jämförelsevärde av annat slag, `benchmark INDICATOR_ID national 70`
syntax-form-activity-under = `under GOAL_ID`: det enda mål som aktiviteten hör till
syntax-form-activity-owner = `owner BODY_ID` eller `owner KS, BUN`
syntax-form-activity-budget = `budget 250000 kr`, i hela kronor utan tusentalsavgränsare

## Hur en definition skrivs

syntax-how-policy = ett styrdokument skrivs `policy ID "title" {"{"} … {"}"}`
syntax-how-include = `include` skrivs `include "other-file.pejl"`
syntax-how-body = ett organ skrivs `body ID "name"`
syntax-how-chain = målkedjan skrivs `chain {"{"} level NAME "display name" under LEVEL … {"}"}`
syntax-how-scale = statusskalan skrivs `scale {"{"} green "Uppfyllt" … {"}"}`
syntax-how-indicator = en indikator skrivs `indicator ID "title" {"{"} … {"}"}`
syntax-how-value = en värdegrund skrivs `value ID "name"`
syntax-how-report = en rapport skrivs `report ID "name" {"{"} uses actual  due 12-31  to BODY {"}"}`
syntax-how-rule = en regel skrivs `rule ID "title" {"{"} green when meets target … {"}"}`
syntax-how-rollup = en sammanvägning skrivs `rollup ID "title" {"{"} green when all green … {"}"}`
syntax-how-test = ett test skrivs `test "title" {"{"} year 2024  report annual  value INDICATOR 74  expect GOAL green {"}"}`
syntax-how-activity = en aktivitet skrivs `activity ID "title" {"{"} under GOAL  owner BODY  deadline 2026-06-30 {"}"}`
syntax-how-goal = ett mål skrivs `LEVEL ID "title" {"{"} … {"}"}`, där LEVEL är en av målkedjans nivåer

## Tal (P0003, P0005)

syntax-decimal-comma = `{ $raw }` har decimalkomma; pejl skriver decimaler med punkt
    .label = decimalkomma
    .help = skriv `{ $fixed }`
syntax-separators = `{ $shown }` har { $separators }: skriv { $whole }
    .help = pejl skriver tal utan tusentalsavgränsare: skriv `{ $whole }`
syntax-separators-comma = `{ $shown }` har { $separators } och decimalkomma: skriv { $whole }
    .help = pejl skriver tal utan tusentalsavgränsare och med decimalpunkt: skriv `{ $whole }`
syntax-separators-or-decimal = `{ $shown }` har { $separators }: skriv { $whole }, eller { $decimal } om du menade ett decimaltal
    .help = pejl skriver tal utan tusentalsavgränsare, och en punkt i ett tal är alltid en decimalpunkt: skriv `{ $whole }` för heltalet, eller `{ $decimal }` om punkten var tänkt som decimalpunkt
syntax-separator-one = en tusentalsavgränsare
syntax-separator-several = tusentalsavgränsare
syntax-separator-space = ett mellanslag som tusentalsavgränsare
syntax-separator-spaces = mellanslag som tusentalsavgränsare
syntax-separator-label = { $several ->
        [yes] tusentalsavgränsare
       *[no] tusentalsavgränsare
    }

## Datum och årtal (P0502)

syntax-bad-year = `{ $raw }` är inget giltigt årtal
    .label = här ska det stå ett årtal med fyra siffror
    .help = skriv hela årtalet, till exempel `2026`
syntax-bad-date = `{ $raw }` är inget giltigt datum
    .label = datumet finns inte
    .help = skriv datum som ÅR-MÅNAD-DAG, till exempel `2023-12-04`
syntax-bad-date-turned = skriv datum som ÅR-MÅNAD-DAG: `{ $fixed }`
syntax-bad-month-day = `{ $raw }` är ingen giltig månad och dag
    .label = dagen finns inte i året
    .help = skriv MÅNAD-DAG, till exempel `08-31`
syntax-bad-month-day-turned = skriv MÅNAD-DAG, med månaden först: `{ $fixed }`
syntax-date-not-iso = `{ $raw }`: pejl skriver datum som år-månad-dag, `{ $iso }`
    .label = skriv `{ $iso }`
    .help = datum skrivs med bindestreck och året först (ISO 8601), till exempel { $example }
syntax-not-a-date = `{ $raw }` är inget datum som pejl kan läsa
    .label = inget datum
    .help = skriv datumet med bindestreck och året först (ISO 8601), till exempel { $example }
syntax-date-example-full = `2026-12-31`
syntax-date-example-due = `2026-12-31` eller `12-31`
syntax-date-needs-year = skriv hela datumet med år, till exempel `2026-12-31`
syntax-due-year-twice = datumet { $date } för `due` anger redan året
    .label = `next year` med ett fullständigt datum
    .help = skriv `due { $monthday } next year`, eller bara det fullständiga datumet

## Uppgifter som står två gånger (P0107)

syntax-given-twice = `{ $keyword }` står två gånger i samma block
    .label = andra gången
    .help = behåll en rad med `{ $keyword }`; den här raden används inte
