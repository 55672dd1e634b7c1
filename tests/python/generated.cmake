# Compares the generated files of the Python binding with what cadre_apigen writes.
#   cmake -DTOOL=<cadre_apigen> -DDESCRIPTOR_SET=<schema> -DPACKAGE=<cadre dir> -DOUTPUT=<dir>
#         -P generated.cmake
file(MAKE_DIRECTORY "${OUTPUT}")
foreach(pair IN ITEMS "--python;_operations.py" "--python-types;types.py")
  list(GET pair 0 option)
  list(GET pair 1 name)
  set(args "${option}" "${OUTPUT}/${name}")
  if(option STREQUAL "--python-types")
    list(APPEND args "${DESCRIPTOR_SET}")
  endif()
  execute_process(COMMAND "${TOOL}" ${args} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${TOOL} ${option} failed (${rc})")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUTPUT}/${name}" "${PACKAGE}/${name}"
    RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "${PACKAGE}/${name} is not what cadre_apigen writes: run "
      "`cmake --build <build dir> --target python_generated` and commit the result")
  endif()
endforeach()
message(STATUS "the generated files of the Python binding are up to date")
