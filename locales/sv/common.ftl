# Ord som många texter delar.

list-or = eller
list-and = och

did-you-mean = menade du { $names }?
verbatim = { $text }
help-word = Hjälp
joined = { $first } { $second }

# Filfel (src/fsio.rs, src/sources.rs, src/lib.rs): orsaken efter "kan inte läsa …: "
io-not-found = filen eller mappen finns inte
io-permission-denied = behörighet saknas
io-is-folder = det är en mapp, inte en fil
io-exists = den finns redan
io-not-regular = det är ingen vanlig fil (utan en enhet, en pipe eller en socket)
io-too-large = den är större än { $mib } MiB, det mesta pejl läser från en fil
io-dangling-link = det är en länk till en fil som inte finns
sources-not-utf8 = filen är inte giltig UTF-8-text
    .primary = den första ogiltiga byten står här
    .help = spara filen som UTF-8 (i VS Code: klicka på teckenkodningen i statusfältet och välj "Save with Encoding" → UTF-8)
sources-cannot-read = kan inte läsa `{ $path }`: { $reason }
    .help = kontrollera att filen finns och att du har behörighet att läsa den
sources-include-cycle = att inkludera `{ $path }` här ger en cirkel: den filen inkluderar redan den här
    .primary = inkluderingscirkel
    .help = ta bort en av inkluderingarna; varje fil ska inkluderas en gång, från filen ovanför
sources-outside = `{ $path }` ligger utanför styrdokumentets mapp
    .primary = utanför styrdokumentets mapp
    .help = alla filer i ett styrdokument ska ligga i huvudfilens mapp eller under den; flytta filen dit
sources-outside-via-link = `{ $path }` ligger utanför styrdokumentets mapp: den leder till `{ $real }`
sources-include-unreadable = kan inte läsa den inkluderade filen `{ $path }`: { $reason }
    .primary = kan inte läsas
    .help = en inkluderad fil måste vara en vanlig fil som du får läsa, på högst { $mib } MiB
sources-include-missing = den inkluderade filen `{ $path }` kan inte läsas: { $reason }
    .primary = filen finns inte
    .help = sökvägar utgår från filen som inkluderar; kontrollera stavningen
sources-include-missing-case = mappen har `{ $name }`: filnamn skiljer på stora och små bokstäver, så skriv `{ $name }`
# Two texts on two lines.
joined-lines =
    { $first }
    { $second }
