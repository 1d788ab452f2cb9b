# cli: texts of src/ (see locales/README.md)

