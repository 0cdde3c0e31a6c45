# Writes OUTPUT: a C++ file listing the built-in Sigma rules (INPUTS, paths joined by '|') as
# (file name, text) pairs.
string(REPLACE "|" ";" inputs "${INPUTS}")
set(body "")
foreach(input IN LISTS inputs)
  get_filename_component(name ${input} NAME)
  file(READ ${input} text)
  string(APPEND body "        {\"${name}\", R\"vigie_yaml(${text})vigie_yaml\"},\n")
endforeach()
file(WRITE ${OUTPUT} "#include \"embedded_builtin_rules.h\"\n\nnamespace vigie::resources {\n\nstd::span<const EmbeddedRuleFile> builtinSigmaRules()\n{\n    static constexpr EmbeddedRuleFile files[] = {\n${body}    };\n    return files;\n}\n\n} // namespace vigie::resources\n")
