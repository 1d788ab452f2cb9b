# checks: tekster i src/checks/ (se locales/README.md)

## activities.rs (P0610–P0615)

activity-no-goal = aktiviteten `{ $activity }` hører ikke til noget mål
    .primary = `under` mangler
    .help = en aktivitet udføres for et mål: tilføj `under MÅL` med det mål (indsatsmål), den skal bidrage til
activity-no-owner = aktiviteten `{ $activity }` har ingen ansvarlig: ingen står for den
    .primary = `owner` mangler
    .help-goal-owner = tilføj `owner { $owner }` (målets ansvarlige), eller et andet udvalg
    .help = tilføj `owner UDVALG` med det udvalg eller den forvaltning, der udfører aktiviteten
activity-no-deadline = aktiviteten `{ $activity }` har ingen frist
    .primary = `deadline` mangler
    .help = tilføj `deadline ÅR-MÅNED-DAG`, for eksempel `deadline 2026-06-30`: uden en frist kan ingen opfølgning vise, om aktiviteten er forsinket
activity-starts-late = aktiviteten `{ $activity }` starter { $start }, men skal være færdig { $deadline }
    .primary = starter efter fristen
    .deadline = fristen
    .help = startdatoen skal ligge før fristen: kontrollér begge datoer (er dag og måned byttet om?)
activity-outside-period = { $what ->
        [start] startdatoen
       *[deadline] fristen
    } { $date } for aktiviteten `{ $activity }` ligger uden for politikkens periode { $from }..{ $to }
    .primary = uden for perioden
    .period = politikkens periode
    .help = vælg en dato inden for politikkens periode, eller forlæng perioden: opfølgningen på politikken omfatter aktiviteter inden for perioden
activity-budget = budgettet for aktiviteten `{ $activity }` skal være et helt antal kroner og ikke negativt
    .primary = ikke et helt beløb
    .help = skriv budgettet i hele kroner uden tusindtalsseparatorer, for eksempel `budget 250000 kr`

## chain.rs (P0104, P0110, P0111, P0201–P0208)

chain-repeated-number = målet `{ $goal }` har nummer { $number }, som målet `{ $earlier }` allerede har
    .primary = samme nummer igen
    .earlier = `{ $earlier }` har nummer { $number }
    .help = giv hvert mål det nummer, det har i beslutningen; to mål kan ikke have samme nummer
chain-no-chain = målet `{ $goal }` er angivet på niveauet `{ $level }`, men politikken har ingen `chain`, der angiver niveauer
    .primary = ingen målkæde angiver dette niveau
    .help = tilføj en `chain {"{"} level … {"}"}`, der opregner målkædens niveauer, det øverste først
chain-unused-level = niveauet `{ $level }` står i målkæden, men intet mål ligger på det
    .primary = niveauet bruges ikke
    .help = tilføj mål, der skrives `{ $level } ID "titel" {"{"} … {"}"}`, eller fjern niveauet fra målkæden
chain-top-level-under = målet `{ $goal }` ligger på det øverste niveau `{ $level }`, som ikke har noget niveau over sig, så det kan ikke ligge under et andet mål
    .primary = det øverste niveau kobles ikke til noget
    .top = øverste niveau
    .help = fjern `under`, eller angiv målet på et lavere niveau
chain-no-parent = målet `{ $goal }` ligger på niveauet `{ $level }`, men er ikke koblet til noget mål på niveauet `{ $expected }`
    .primary = `under` mangler
    .help = tilføj `under ID` med det { $expected }-mål, som målet skal bidrage til
chain-wrong-parent-level = målet `{ $goal }` ligger på niveauet `{ $level }`, som kobles til niveauet `{ $expected }`, men `{ $parent }` ligger på niveauet `{ $parent_level }`
    .primary = her skal stå et mål på niveauet `{ $expected }`
    .this = dette mål ligger på niveauet `{ $level }`
    .parent = `{ $parent }` ligger på niveauet `{ $parent_level }`
    .help = kobl til et mål på niveauet `{ $expected }`
chain-parents = målet `{ $goal }` har { $count } overordnede mål, men hvert mål på niveauet `{ $level }` skal have præcis ét
    .primary = andet overordnede mål
    .first = første overordnede mål
    .help = behold ét overordnet mål; et mål, der bidrager til flere mål, hører til på et niveau med `at least one parent`
    .level = niveauet kræver præcis ét overordnet mål
chain-no-children = målet `{ $goal }` vurderes ud fra målene under det, men intet mål ligger under det, så det kan aldrig vurderes
    .primary = ingen mål under dette
    .help = tilføj mål med `under { $goal }`, eller fjern målet
chain-assessed-measured = målet `{ $goal }` { $has }, men dets niveau `{ $level }` vurderes med sammenvejningen `{ $rollup }` ud fra målene under: { $ignored ->
        [measure] målets egen indikator
        [target] målets egen målværdi
       *[rule] målets egen regel
    } ville ikke blive brugt
    .measured-by = måles med `{ $indicator }`
    .own-target = har sin egen målværdi
    .own-rule = har sin egen regel `{ $rule }`
    .lines = { $count ->
        [one] linjen { $words }
       *[other] linjerne { $words }
    }
    .primary = bruges ikke: sammenvejningen `{ $rollup }` afgør
    .rollup = niveauet `{ $level }` vurderes med denne sammenvejning
    .too = { $what ->
        [measure] denne indikator
        [target] denne målværdi
       *[rule] denne regel
    } bruges heller ikke
    .measured = niveauet er også angivet som `measured`
    .help-both = et niveau er enten `measured` (dets mål har egen indikator, målværdi og regel) eller `assessed by` en sammenvejning af målene under, ikke begge dele: fjern det ene fra niveauet `{ $level }`; eller fjern { $lines } fra målet
    .help-indicators = fjern { $lines } fra målet, eller flyt målet til et niveau, der måles; skriv `indicators { $indicator }` for at vise indikatoren ved målet, uden at den giver en status
    .help = fjern { $lines } fra målet, eller flyt målet til et niveau, der måles
chain-cycle = målkæden går rundt i en ring: `{ $goal }` ligger under { $rest }
    .link = `{ $goal }`, som ligger under { $rest }
    .last = `{ $goal }`
    .primary = målet ligger (indirekte) under sig selv
    .help = målene kobles opad mod visionen; fjern en af `under`-koblingerne i ringen
    .part = en del af ringen
chain-two-tops = målkæden har to øverste niveauer, `{ $first }` og `{ $second }`; kun det første niveau må udelade `under`
    .primary = andet øverste niveau
    .first = første øverste niveau
    .help = tilføj `under NIVEAU` til `{ $second }`
chain-unknown-level = niveauet `{ $level }` ligger under `{ $under }`, som ikke er et niveau i målkæden
    .primary = ukendt niveau
    .help = angiv et niveau, der står i denne målkæde
chain-level-under-itself = niveauet `{ $level }` ligger under sig selv
    .primary = et niveau kan ikke ligge under sig selv
    .help = angiv niveauet over dette
chain-level-cycle = målkædens niveauer går rundt i en ring: { $levels }
    .primary = niveauet ligger (indirekte) under sig selv
    .help = niveauerne går fra det øverste (uden `under`) og nedad; bryd ringen
chain-no-policy = filen angiver ingen politik: den har ingen `policy`, og ingen fil, den inkluderer, har en
    .primary = ingen `policy` over dette
    .help = begynd filen med `policy ID "titel" {"{"} period 2024..2027 {"}"}`; en fil, der skal inkluderes, kontrolleres som en del af den fil, der inkluderer den — kontrollér den i stedet (`pejl new` opretter en politik ud fra et eksempel)

## Dele, som kontrollerne deler

checks-and = { $first } og { $second }
checks-comma = { $first }, { $second }
checks-nothing = {""}

## rules.rs (P0301–P0307, P0310, P0311)

rules-lacks = målet `{ $goal }` bruger reglen `{ $rule }`, som sammenligner med { $compares }, men { $missing }
    .target = målværdien
    .baseline = udgangspunktet
    .benchmark = sammenligningsgrundlaget
    .kind = sammenligningsgrundlaget `{ $kind }`
    .target-kind = målværdien, som er sammenligningsgrundlaget `{ $kind }`
    .no-target = målet har ingen målværdi
    .no-baseline = målet har intet udgangspunkt
    .no-benchmark = dets indikator `{ $indicator }` har intet sammenligningsgrundlag
    .no-indicator = det har ingen indikator med et sammenligningsgrundlag
    .no-kind = dets indikator `{ $indicator }` har ingen `benchmark { $kind }`
    .no-indicator-kind = det har ingen indikator med sammenligningsgrundlaget `{ $kind }`
    .needs-target = kræver en målværdi
    .needs-baseline = kræver et udgangspunkt
    .needs-benchmark = kræver et sammenligningsgrundlag på indikatoren
    .needs-kind = kræver `benchmark { $kind }` på indikatoren
    .target-is-kind = målværdien er sammenligningsgrundlaget `{ $kind }`
    .chosen-here = reglen vælges her
    .default-rule = målet bruger politikkens standardregel
    .indicator-no-benchmark = indikatoren har ingen `benchmark`
    .help = giv målet det, reglen sammenligner med (`target …`, `baseline …` eller en `benchmark` på indikatoren), eller vælg en anden regel med `rule ID`
rules-too-large = reglen `{ $rule }` er for stor til, at pejl kan kontrollere den helt: det, pejl fandt, vises, men pejl kan ikke love, at hver linje kan gælde, eller at hver værdi får en status
    .primary = ikke kontrolleret helt
    .help = en regel har sjældent brug for mere end en håndfuld linjer; denne har { $count }. Del den op i regler for forskellige indikatorer, eller brug færre linjer, der sammenligner med et sammenligningsgrundlag
rules-no-missing = reglen `{ $rule }` har ingen linje for manglende data
    .primary = ingen linje med `missing`
    .help = tilføj `{ $status } when missing requires motivation`; uden den får en manglende værdi `{ $status }` uden nogen forklaring
rules-never-holds = betingelsen på linjen `{ $status }` i reglen `{ $rule }` kan aldrig være opfyldt
    .primary = ingen værdi opfylder betingelsen
    .help = kontrollér tallene og `and`/`or`: måske mente du `or`, eller andre grænseværdier
rules-shadowed = linjen `{ $status }` i reglen `{ $rule }` kan aldrig gælde: linjerne før den tager allerede alle de værdier, den dækker
    .primary = aldrig den første, der passer
    .help = linjerne prøves i rækkefølge, og den første, der passer, gælder; flyt linjen op, eller gør linjerne før den snævrere
    .earlier = linjen `{ $status }` tager disse værdier først
rules-gap = reglen `{ $rule }` giver ikke alle værdier en status: { $example } får ingen status
    .primary = ikke alle værdier får en status
    .help = tilføj en linje, der dækker disse værdier, typisk en sidste linje som `red otherwise`
    .goal = for eksempel for dette mål
rules-example = værdien { $value }{ $when }
    .goal = værdien { $value }{ $when } (målet `{ $goal }`)
rules-when = {" "}når { $given }
rules-given =
    .benchmark = { $kind ->
        [county] regionsgennemsnittet
        [national] landsgennemsnittet
        [peers] gennemsnittet for sammenlignelige kommuner
       *[group] sammenligningsgruppens gennemsnit
    } er { $value }
    .milestone-year = delmålet for { $year } er { $value }
    .milestone = delmålet er { $value }
    .target = målværdien er { $value }
    .baseline = udgangspunktet er { $value }
rules-direction = `{ $status }` gives til værdien { $worse }, men ikke til { $better }, selv om reglens indikator siger, at { $direction ->
        [higher] højere er bedre
       *[lower] lavere er bedre
    }
    .goal = `{ $status }` gives til værdien { $worse }, men ikke til { $better } for målet `{ $goal }`, selv om dets indikator `{ $indicator }` siger, at { $direction ->
        [higher] højere er bedre
       *[lower] lavere er bedre
    }
    .primary = den bedste status til dårligere værdier
    .help = kontrollér sammenligningen (`>=` eller `<=`) og indikatorens `higher is better` / `lower is better`; `meets` og `better than` følger selv retningen, så en regel skrevet med dem passer til indikatorer i begge retninger
rules-uses-this-rule = `{ $goal }` bruger denne regel
rules-inversion = i reglen `{ $rule }` får en bedre værdi en dårligere status: { $better } får `{ $better_status }`, men { $worse } får `{ $worse_status }`{ $when }, selv om { $which } siger, at { $direction ->
        [higher] højere er bedre
       *[lower] lavere er bedre
    }
    .indicator = `{ $indicator }`
    .the-indicator = indikatoren
    .gives = giver `{ $status }` til { $value }
    .help = linjerne prøves i rækkefølge, og den første, der passer, gælder: sæt linjen med den bedste status først (for eksempel `green`, så `yellow`, så `red`), eller ret grænseværdierne

## smart.rs (P0108, P0401–P0408, P0501–P0505, P0602)

smart-no-direction = indikatoren `{ $indicator }` angiver ikke, om høje eller lave værdier er bedst
    .primary = ingen retning
    .help = tilføj `higher is better` eller `lower is better` til indikatoren
smart-period-order = politikkens periode slutter ({ $to }), før den begynder ({ $from })
    .primary = årene i forkert rækkefølge
    .help = skriv `period { $to }..{ $from }`
smart-unmeasurable = målet `{ $goal }` ligger på niveauet `{ $level }`, hvor målene måles, men har ingen { $missing }
    .measure = `measure INDIKATOR`
    .target = `target VÆRDI by ÅR`
    .rule = `rule REGEL` (eller en `default rule` i politikken)
    .primary = ikke målbart, som det er skrevet
    .help = tilføj { $missing }, så målet kan følges op
    .level = niveauet kræver målbare mål
smart-target-no-measure = målet `{ $goal }` har en målværdi, men ingen `measure`, så målværdien kan ikke følges op
    .primary = målværdi uden indikator
    .help = tilføj `measure INDIKATOR`, eller fjern målværdien
smart-no-deadline = målværdien for målet `{ $goal }` har intet år, hvor den skal være nået
    .primary = hvornår skal målværdien være nået?
    .help = tilføj året, for eksempel `by 2026`, så målet er tidsfastsat
smart-relative-no-baseline = målet `{ $goal }` har en målværdi i forhold til udgangspunktet, men intet udgangspunkt
    .primary = i forhold til hvad?
    .help = tilføj `baseline VÆRDI in ÅR`, eller angiv målværdien som et tal
smart-unit-misfit = { $what ->
        [baseline] udgangspunktet
        [target] målværdien
       *[milestone] delmålet
    } { $value } passer ikke til enheden `{ $unit }`: { $problem }
    .unit = indikatorens enhed
    .help = ret værdien eller indikatorens enhed
smart-unit-problem =
    .whole = det skal være et helt tal
    .percent = en andel i procent ligger mellem 0 og 100
    .rank = en placering begynder ved 1
    .negative = det kan ikke være negativt
    .range = enheden tillader { $low } til { $high }
    .below = enheden tillader ingen værdier under { $low }
    .above = enheden tillader ingen værdier over { $high }
smart-baseline = udgangspunkt
smart-no-improvement = målværdien { $target } er ikke bedre end udgangspunktet { $baseline }: for `{ $indicator }` er { $direction ->
        [higher] højere
       *[lower] lavere
    } bedre
    .primary = ingen forbedring
    .help = sæt en målværdi, der er { $direction ->
        [higher] højere
       *[lower] lavere
    } end udgangspunktet, eller kontrollér indikatorens retning
smart-ambitious = at nå { $target } fra { $baseline } i { $year } kræver { $direction ->
        [higher] en forbedring
       *[lower] en reduktion
    } på { $percent } % om året i { $count } år
    .primary = ambitiøs målværdi
    .help = kontrollér, at målværdien er realistisk, eller giv den mere tid; delmål kan vise vejen
smart-no-owner = målet `{ $goal }` har ingen ansvarlig: ingen står for det
    .primary = `owner` mangler
    .help-parent = tilføj `owner { $owner }` (ansvarlig for målet over), eller et andet udvalg
    .help = tilføj `owner UDVALG` med det råd, udvalg eller den forvaltning, der står for målet
smart-vague = titlen siger "{ $phrase }", hvilket lover en indsats, ikke et resultat
    .primary = vag formulering
    .help = skriv, hvad der skal nås, f.eks. "Andelen … skal stige til 80 %" (SMART: specifikt)
smart-no-follow-up = det målbare mål `{ $goal }` følges ikke op i nogen rapport
    .primary = `follow-up` mangler
    .help-report = tilføj `follow-up { $report }` med de rapporter, hvor målet følges op
    .help = angiv en `report`, og tilføj `follow-up RAPPORT` til målet
smart-fraction = { $what ->
        [baseline] udgangspunktet
        [target] målværdien
       *[milestone] delmålet
    } { $value } ligner en brøkdel af 1: mente du { $meant }?
    .primary = under 1 %
    .unit = indikatoren tæller i procent, 0 til 100
    .help = procent skrives fra 0 til 100: skriv { $written }; hvis værdierne virkelig er under 1 %, så lad dem stå
    .fix = Skriv som procent: { $written }
    .written = { $what ->
        [baseline] udgangspunktet
        [target] målværdien
       *[milestone] delmålet
    } { $value }
    .other = { $what ->
        [baseline] udgangspunktet
        [target] målværdien
       *[milestone] delmålet
    }: { $value }?
smart-outside-period = { $what ->
        [deadline] året for målværdien
       *[milestone] delmålets år
    } { $year } ligger uden for politikkens periode { $from }..{ $to }
    .primary = uden for perioden
    .period = politikkens periode
    .help = vælg et år inden for politikkens periode, eller forlæng perioden
smart-target-year = målår
smart-baseline-year = udgangsåret { $baseline } ligger ikke før målåret { $target }
    .primary = udgangsår
    .help = udgangspunktet er startpunktet: dets år kommer før målværdiens
smart-milestone-year = delmålets år { $year } ligger ikke mellem udgangsåret{ $baseline } og målåret{ $target }
    .year = {" "}({ $year })
    .primary = delmål i forkert rækkefølge
    .help = delmål er trin på vejen: efter udgangsåret, før målåret

## test_decls.rs (P0107, P0501, P0802–P0805)

checks-test-cannot-run = testen "{ $title }" har { $missing ->
        [year] intet `year`
        [report] ingen `report`
       *[both] intet `year` og ingen `report`
    }
    .primary = kan ikke køres
    .help = en test beregner politikken for ét år og én rapport, som `pejl report` gør: tilføj { $missing ->
        [year] `year 2024`
        [report] `report annual`
       *[both] `year 2024` og `report annual`
    }
    .help-reports = en test beregner politikken for ét år og én rapport, som `pejl report` gør: tilføj { $missing ->
        [year] `year 2024`
        [report] `report annual`
       *[both] `year 2024` og `report annual`
    } (politikkens rapporter er { $reports })
checks-test-outside-period = testen "{ $title }" gælder { $year }, uden for politikkens periode { $from }..{ $to }
    .primary = uden for perioden
    .help = en rapport laves kun for et år i politikkens periode: test et år fra { $from } til { $to }
checks-test-expects-nothing = testen "{ $title }" forventer ingenting, så den kan aldrig fejle
    .primary = `expect` mangler
    .help = tilføj de statusser, inddata skal give, for eksempel `expect MÅL green`; `pejl test --update` skriver dem ud fra det, politikken giver nu
checks-test-twice = { $what } er angivet to gange i samme test
    .value = værdien for `{ $name }`
    .kind = sammenligningsgrundlaget { $kind } for `{ $name }`
    .benchmark = sammenligningsgrundlaget for `{ $name }`
    .motivation = begrundelsen for `{ $name }`
    .expectation = en forventning til `{ $name }`
    .primary = anden gang
    .first = først angivet her
    .help = behold én af dem: en test angiver hvert forhold én gang, ligesom en datafil har én række pr. indikator, år og type
checks-test-unused =
    .primary = bruges ikke
    .unmeasured = intet mål måles med `{ $name }`, så værdien afgør ingen status
    .unmeasured-help = fjern linjen, eller test et mål, hvis `measure` er `{ $name }`
    .no-benchmark = `{ $name }` har intet sammenligningsgrundlag, så værdien bruges ikke
    .no-benchmark-help = angiv et på indikatoren (`benchmark county "…"`), eller fjern linjen
    .no-kind = `{ $name }` har intet sammenligningsgrundlag { $kind }, så værdien bruges ikke
    .no-kind-help = angiv `benchmark { $kind } "…"` for `{ $name }` i politikken, eller giv et sammenligningsgrundlag, indikatoren har: { $declared }
checks-test-unit-misfit = { $what ->
        [benchmark] sammenligningsgrundlaget
       *[value] værdien
    } { $value } passer ikke til enheden `{ $unit }` for `{ $name }`: { $problem }
    .help = ret testens værdi: ingen datafil ville kunne give den

## reports.rs (P0503, P0603–P0606)

reports-incomplete = rapporten `{ $report }` angiver ikke { $words }
    .uses = `uses forecast` (en delårsrapport) eller `uses actual`
    .due = `due 08-31`, eller `due 04-15 next year` for en årsrapport
    .to = `to KF` (eller flere: `to KF, KS`)
    .no = `{ $word }` mangler
    .primary = ufuldstændig rapport
    .then = { $first }; { $second }
    .help = tilføj { $forms }
reports-covers-order = perioden for rapporten `{ $report }` slutter, før den begynder
    .primary = i forkert rækkefølge
    .help = skriv den første dag først: `covers 01-01..08-31`
reports-interim-length = delårsrapporten `{ $report }` dækker { $months } måneder af året; den svenske lov kræver mindst halvdelen og højst to tredjedele af året
    .short = mindre end halvdelen af året
    .long = mere end to tredjedele af året
    .help = en svensk delårsrapport dækker mindst seks og højst otte måneder (LKBR 13 kap. 1 §): fra `covers 01-01..06-30` til `covers 01-01..08-31`
reports-interim-late = delårsrapporten `{ $report }` skal afleveres { $due }{ $next ->
        [yes] {" "}året efter
       *[no] {""}
    }, mere end to måneder efter periodens slutning { $end }
    .primary = senere end loven tillader
    .covers = den periode, rapporten dækker
    .help = kommunalfuldmægtige behandler delårsrapporten inden for to måneder efter periodens slutning (KL 11 kap. 16 §): aflever den senest { $limit }{ $next ->
        [yes] {" "}året efter
       *[no] {""}
    }
reports-children-not-followed = målet `{ $goal }` skal følges op i `{ $report }`, men ingen af målene under det følges op der
    .primary = ville blive vist som ikke fulgt op i `{ $report }`
    .level = niveauet kræver det her
    .help = tilføj `{ $report }` til `follow-up` for målene under `{ $goal }`, eller følg målet op et andet sted

## rollups.rs (P0308, P0309, P0311)

rollups-too-large = sammenvejningen `{ $rollup }` er for stor til, at pejl kan kontrollere den helt: den kontrollerede del er i orden, men pejl kan ikke love, at hver linje kan bruges
    .primary = ikke kontrolleret helt
    .help = skriv andele med færre decimaler (`33.3%` i stedet for `33.33333%`), eller brug færre linjer; huller, som pejl fandt, vises stadig
rollups-never-used = linjen `{ $status }` i sammenvejningen `{ $rollup }` bruges aldrig: intet mål kan opfylde betingelsen, uanset hvilke statusser målene under det har
    .shadowed = linjen `{ $status }` i sammenvejningen `{ $rollup }` bruges aldrig: hvert mål, den passer på, får sin status fra linjerne før (for eksempel giver linjerne før `{ $earlier }` til { $example })
    .primary = linjen bruges aldrig
    .help = linjerne prøves i rækkefølge, og den første, der passer, gælder; byt om på linjerne, eller ret betingelsen
    .earlier = linjen `{ $status }` tager disse kombinationer først
rollups-gap = sammenvejningen `{ $rollup }` giver ikke alle mål en status: { $example } får ingen status
    .primary = ikke alle kombinationer får en status
    .help = tilføj en linje for denne kombination, typisk en sidste linje som `yellow otherwise`
rollups-children =
    .one = mål, hvor det eneste mål under har { $status }
    .status = { $status }
    .each = mål, hvor målene under har { $statuses }
    .part = { $count } { $status }
    .counts = mål med { $count } mål under, { $parts }
