# Writes OUTPUT: a C++ file returning the text of INPUT (the built-in Sigma field mapping).
file(READ ${INPUT} text)
file(WRITE ${OUTPUT} "#include \"embedded_sigma_mapping.h\"\n\nnamespace vigie::resources {\n\nstd::string_view sigmaMapping()\n{\n    static constexpr std::string_view text = R\"vigie_yaml(${text})vigie_yaml\";\n    return text;\n}\n\n} // namespace vigie::resources\n")
