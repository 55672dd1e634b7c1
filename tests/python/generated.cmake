# Compares a file of the Python binding with what cadre_apigen writes.
#   cmake -DTOOL=<cadre_apigen> -DCHECKED_IN=<file> -DOUTPUT=<tmp> -P generated.cmake
execute_process(COMMAND "${TOOL}" --python "${OUTPUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${TOOL} --python failed (${rc})")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUTPUT}" "${CHECKED_IN}"
  RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "${CHECKED_IN} is not what cadre_apigen writes from the operation table: "
    "run `cmake --build <build dir> --target python_operations` and commit the result")
endif()
