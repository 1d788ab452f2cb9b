# ide: texts of src/ (see locales/README.md)

