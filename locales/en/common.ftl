# Words shared by many texts.

# "`a`, `b` or `c`"
list-or = or
# "`a`, `b` and `c`"
list-and = and

# A help line under an unknown name: "did you mean `KS`?"
did-you-mean = did you mean { $names }?
# A text not yet in the catalogue, shown as it was written.
verbatim = { $text }
# Before the help text in SARIF and GitHub annotations.
help-word = Help
# Two texts shown as one: "did you mean `x`? the levels are …"
joined = { $first } { $second }

# File errors (src/fsio.rs, src/sources.rs, src/lib.rs): the reason after "cannot read …: "
io-not-found = no such file or folder
io-permission-denied = permission denied
io-is-folder = it is a folder, not a file
io-exists = it exists already
io-not-regular = it is not a regular file (a device, a pipe or a socket)
io-too-large = it is larger than { $mib } MiB, the most pejl reads from one file
io-dangling-link = it is a link to a file that does not exist
sources-not-utf8 = this file is not valid UTF-8 text
    .primary = the first invalid byte is here
    .help = save the file as UTF-8 (in VS Code: click the encoding in the status bar, then "Save with Encoding" → UTF-8)
sources-cannot-read = cannot read `{ $path }`: { $reason }
    .help = check that the file exists and that you may read it
sources-include-cycle = including `{ $path }` here makes a cycle: it already includes this file
    .primary = include cycle
    .help = remove one of the includes; each file should be included once, from the file above it
sources-outside = `{ $path }` is outside the policy's folder
    .primary = outside the policy's folder
    .help = a policy's files must all live in the folder of its main file or below it; move the file there
sources-outside-via-link = `{ $path }` is outside the policy's folder: it leads to `{ $real }`
sources-include-unreadable = cannot read the included file `{ $path }`: { $reason }
    .primary = cannot be read
    .help = an included file must be a regular file you may read, of at most { $mib } MiB
sources-include-missing = the included file `{ $path }` cannot be read: { $reason }
    .primary = file not found
    .help = paths are relative to the file that includes them; check the spelling
sources-include-missing-case = the folder has `{ $name }`: file names are case-sensitive, so write `{ $name }`
# Two texts on two lines.
joined-lines =
    { $first }
    { $second }
