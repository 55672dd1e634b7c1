# Runs `${CLI} ${ARGS}` twice, the second time with `${EXTRA}` added, and fails
# unless both exit 0 with byte-identical standard output.
# cmake -DCLI=... -DARGS="a;b" -DEXTRA="--threads;2" -DOUT=dir -P same_output.cmake
execute_process(COMMAND ${CLI} ${ARGS} OUTPUT_FILE "${OUT}/one.out" RESULT_VARIABLE rc1)
execute_process(COMMAND ${CLI} ${ARGS} ${EXTRA} OUTPUT_FILE "${OUT}/two.out" RESULT_VARIABLE rc2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "exit codes ${rc1} and ${rc2}")
endif()
file(SIZE "${OUT}/one.out" size)
if(size LESS 1000)
  message(FATAL_ERROR "only ${size} bytes of output: nothing to compare")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}/one.out" "${OUT}/two.out"
  RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "the output with ${EXTRA} differs from the output without")
endif()
