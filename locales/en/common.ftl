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
