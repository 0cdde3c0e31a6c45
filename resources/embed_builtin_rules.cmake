# Writes OUTPUT: a C++ file listing the built-in Sigma rules (INPUTS, paths joined by '|') as
# (file name, text) pairs. Other folders of shipped files reuse it by naming their own header,
# function and element type (HEADER, FUNCTION, TYPE: a struct {name, text} of string_views).
if(NOT DEFINED HEADER)
  set(HEADER embedded_builtin_rules.h)
  set(FUNCTION builtinSigmaRules)
  set(TYPE EmbeddedRuleFile)
endif()
string(REPLACE "|" ";" inputs "${INPUTS}")
set(body "")
foreach(input IN LISTS inputs)
  get_filename_component(name ${input} NAME)
  file(READ ${input} text)
  string(APPEND body "        {\"${name}\", R\"vigie_yaml(${text})vigie_yaml\"},\n")
endforeach()
file(WRITE ${OUTPUT} "#include \"${HEADER}\"\n\nnamespace vigie::resources {\n\nstd::span<const ${TYPE}> ${FUNCTION}()\n{\n    static constexpr ${TYPE} files[] = {\n${body}    };\n    return files;\n}\n\n} // namespace vigie::resources\n")
