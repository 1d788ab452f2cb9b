# Ord som mange tekster deler.

list-or = eller
list-and = og

did-you-mean = mente du { $names }?
verbatim = { $text }
help-word = Hjælp
joined = { $first } { $second }

# Filfejl (src/fsio.rs, src/sources.rs, src/lib.rs): årsagen efter "kan ikke læse …: "
io-not-found = filen eller mappen findes ikke
io-permission-denied = adgang nægtet
io-is-folder = det er en mappe, ikke en fil
io-exists = den findes allerede
io-not-regular = det er ikke en almindelig fil (men en enhed, en pipe eller en socket)
io-too-large = den er større end { $mib } MiB, det meste pejl læser fra én fil
io-dangling-link = det er et link til en fil, der ikke findes
sources-not-utf8 = filen er ikke gyldig UTF-8-tekst
    .primary = den første ugyldige byte står her
    .help = gem filen som UTF-8 (i VS Code: klik på tegnkodningen i statuslinjen, og vælg "Save with Encoding" → UTF-8)
sources-cannot-read = kan ikke læse `{ $path }`: { $reason }
    .help = kontrollér, at filen findes, og at du har adgang til at læse den
sources-include-cycle = at inkludere `{ $path }` her giver en cirkel: den fil inkluderer allerede denne
    .primary = inkluderingscirkel
    .help = fjern en af inkluderingerne; hver fil skal inkluderes én gang, fra filen ovenover
sources-outside = `{ $path }` ligger uden for politikkens mappe
    .primary = uden for politikkens mappe
    .help = alle en politiks filer skal ligge i hovedfilens mappe eller under den; flyt filen dertil
sources-outside-via-link = `{ $path }` ligger uden for politikkens mappe: den fører til `{ $real }`
sources-include-unreadable = kan ikke læse den inkluderede fil `{ $path }`: { $reason }
    .primary = kan ikke læses
    .help = en inkluderet fil skal være en almindelig fil, du må læse, på højst { $mib } MiB
sources-include-missing = den inkluderede fil `{ $path }` kan ikke læses: { $reason }
    .primary = filen findes ikke
    .help = stier regnes fra den fil, der inkluderer; kontrollér stavningen
sources-include-missing-case = mappen har `{ $name }`: filnavne skelner mellem store og små bogstaver, så skriv `{ $name }`
# Two texts on two lines.
joined-lines =
    { $first }
    { $second }
