# names: texts of src/ (see locales/README.md)

# A kind of declaration with its article ("a body"), given as $kind to other messages.
names-kind-a = { $kind ->
    [policy] styrdokumentet
    [body] ett organ
    [indicator] en indikator
    [value] ett kärnvärde
    [report] en rapport
    [rule] en regel
    [rollup] en sammanvägning
   *[goal] ett mål
    [activity] en aktivitet
    [level] en nivå
    [status] en status
}
# The role of a reference ("the owner `KS` does not exist").
names-role = { $role ->
    [adopting-body] det fastställande organet
    [revising-body] det reviderande organet
    [default-rule] standardregeln
    [parent-body] det överordnade organet
    [level-above] nivån ovanför
    [rollup] sammanvägningen
    [follow-up-report] uppföljningsrapporten
    [recipient] rapportens mottagare
    [label-report] rapporten för den här etiketten
    [level] nivån
    [parent-goal] det överordnade målet
   *[owner] den ansvariga nämnden
    [sharing-body-goal] organet som delar målet
    [measure] indikatorn som mäts
    [indicator] indikatorn
    [rule] regeln
    [value] kärnvärdet
    [test-report] testets rapport
    [motivation-target] målet (eller indikatorn) för motiveringen
    [expected-goal] det förväntade målet
    [activity-goal] aktivitetens mål
    [sharing-body-activity] organet som delar aktiviteten
    [status] statusen
}
names-declared-twice = { $kind ->
        [policy] Styrdokumentet
        [body] Ett organ
        [indicator] En indikator
        [value] Ett kärnvärde
        [report] En rapport
        [rule] En regel
        [rollup] En sammanvägning
       *[goal] Ett mål
        [activity] En aktivitet
        [level] En nivå
        [status] En status
    } med ID `{ $name }` är deklarerat två gånger
    .primary = deklarerat igen här
    .label = deklarerat första gången här
    .help = ge ett av dem ett annat ID, eller ta bort dubbletten
names-already-id = `{ $name }` är redan ID för { $kind }; varje ID i ett styrdokument måste vara unikt
names-wrong-kind = `{ $name }` är { $kind }, men { $role } måste vara { $wanted }
    .primary = det här är { $kind }
    .label = `{ $name }` är deklarerat här
names-wrong-kind-help = ange { $wanted } här
names-wrong-kind-help-of = ange { $wanted } här (någon av { $names })
names-unknown = { $role } `{ $name }` finns inte
    .primary = { $kind ->
            [policy] det finns inget styrdokument som heter
            [body] det finns inget organ som heter
            [indicator] det finns ingen indikator som heter
            [value] det finns inget kärnvärde som heter
            [report] det finns ingen rapport som heter
            [rule] det finns ingen regel som heter
            [rollup] det finns ingen sammanvägning som heter
           *[goal] det finns inget mål som heter
            [activity] det finns ingen aktivitet som heter
            [level] det finns ingen nivå som heter
            [status] det finns ingen status som heter
        } `{ $name }`
names-unknown-help = deklarera { $wanted } med ID `{ $name }`, eller rätta namnet
names-unknown-help-of = deklarera { $wanted } med ID `{ $name }`, eller rätta namnet (någon av { $names })
names-named-twice = `{ $name }` står två gånger i `{ $keyword }`
    .primary = angivet igen
    .label = angivet första gången här
    .help = ta bort det andra
names-unknown-level = målet `{ $goal }` är deklarerat på nivån `{ $level }`, som målkedjan inte har
    .primary = okänd nivå
    .help = målkedjans nivåer är { $list }; lägg till nivån i målkedjan eller använd någon av dem
names-unknown-level-are = Målkedjans nivåer är { $list }
names-second-decl = ett styrdokument har en enda `{ $what }`-deklaration, och det här är en andra
    .primary = en andra `{ $what }`
    .label = den första `{ $what }` står här
    .help = slå ihop de två till en enda `{ $what }`-deklaration
