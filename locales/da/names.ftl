# names: texts of src/ (see locales/README.md)

# A kind of declaration with its article ("a body"), given as $kind to other messages.
names-kind-a = { $kind ->
    [policy] politikken
    [body] et organ
    [indicator] en indikator
    [value] en kerneværdi
    [report] en rapport
    [rule] en regel
    [rollup] en sammenvejning
   *[goal] et mål
    [activity] en aktivitet
    [level] et niveau
    [status] en status
}
# The role of a reference ("the owner `KS` does not exist").
names-role = { $role ->
    [adopting-body] det vedtagende organ
    [revising-body] det reviderende organ
    [default-rule] standardreglen
    [parent-body] det overordnede organ
    [level-above] niveauet over
    [rollup] sammenvejningen
    [follow-up-report] opfølgningsrapporten
    [recipient] rapportens modtager
    [label-report] rapporten for denne etiket
    [level] niveauet
    [parent-goal] det overordnede mål
   *[owner] det ansvarlige udvalg
    [sharing-body-goal] organet, der deler målet
    [measure] indikatoren, der måles
    [indicator] indikatoren
    [rule] reglen
    [value] kerneværdien
    [test-report] testens rapport
    [motivation-target] målet (eller indikatoren) for begrundelsen
    [expected-goal] det forventede mål
    [activity-goal] aktivitetens mål
    [sharing-body-activity] organet, der deler aktiviteten
    [status] status
}
names-declared-twice = { $kind ->
        [policy] Politikken
        [body] Et organ
        [indicator] En indikator
        [value] En kerneværdi
        [report] En rapport
        [rule] En regel
        [rollup] En sammenvejning
       *[goal] Et mål
        [activity] En aktivitet
        [level] Et niveau
        [status] En status
    } med ID `{ $name }` er erklæret to gange
    .primary = erklæret igen her
    .label = erklæret første gang her
    .help = giv et af dem et andet ID, eller fjern dubletten
names-already-id = `{ $name }` er allerede ID for { $kind }; hvert ID i en politik skal være entydigt
names-wrong-kind = `{ $name }` er { $kind }, men { $role } skal være { $wanted }
    .primary = dette er { $kind }
    .label = `{ $name }` er erklæret her
names-wrong-kind-help = angiv { $wanted } her
names-wrong-kind-help-of = angiv { $wanted } her (en af { $names })
names-unknown = { $role } `{ $name }` findes ikke
    .primary = { $kind ->
            [policy] der er ingen politik, der hedder
            [body] der er intet organ, der hedder
            [indicator] der er ingen indikator, der hedder
            [value] der er ingen kerneværdi, der hedder
            [report] der er ingen rapport, der hedder
            [rule] der er ingen regel, der hedder
            [rollup] der er ingen sammenvejning, der hedder
           *[goal] der er intet mål, der hedder
            [activity] der er ingen aktivitet, der hedder
            [level] der er intet niveau, der hedder
            [status] der er ingen status, der hedder
        } `{ $name }`
names-unknown-help = erklær { $wanted } med ID `{ $name }`, eller ret navnet
names-unknown-help-of = erklær { $wanted } med ID `{ $name }`, eller ret navnet (en af { $names })
names-named-twice = `{ $name }` står to gange i `{ $keyword }`
    .primary = angivet igen
    .label = angivet første gang her
    .help = fjern det andet
names-unknown-level = målet `{ $goal }` er erklæret på niveauet `{ $level }`, som målkæden ikke har
    .primary = ukendt niveau
    .help = målkædens niveauer er { $list }; føj niveauet til målkæden, eller brug et af dem
names-unknown-level-are = Målkædens niveauer er { $list }
names-second-decl = en politik har én `{ $what }`-erklæring, og dette er en anden
    .primary = en anden `{ $what }`
    .label = den første `{ $what }` står her
    .help = slå de to sammen til én `{ $what }`-erklæring
