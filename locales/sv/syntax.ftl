# syntax: texts of src/ (see locales/README.md)

