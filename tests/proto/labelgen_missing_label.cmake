# Test labelgen.missing-label (see CMakeLists.txt): cadre_labelgen must fail
# on an enum value without its (en) label, name the value, and write nothing.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(_set "${WORK_DIR}/missing_label.binpb")
set(_out "${WORK_DIR}/labels_table.inc")

execute_process(
  COMMAND "${PROTOC}" "-I${PROTO_DIR}" "-I${DATA_DIR}" --include_imports
          "--descriptor_set_out=${_set}" cadre/v1/missing_label.proto
  RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "protoc failed (${_rc}): ${_err}")
endif()

execute_process(
  COMMAND "${LABELGEN}" --descriptor-set "${_set}" "${_out}" cadre/v1/missing_label.proto
  RESULT_VARIABLE _rc ERROR_VARIABLE _err)
message(STATUS "cadre_labelgen exited with ${_rc}:\n${_err}")
if(_rc EQUAL 0)
  message(FATAL_ERROR "cadre_labelgen accepted a value without an (en) label")
endif()
if(NOT _err MATCHES "cadre\\.v1\\.Incomplete\\.INCOMPLETE_NO_EN \\(cadre/v1/missing_label\\.proto\\) has no \\(en\\) label")
  message(FATAL_ERROR "cadre_labelgen's message does not name the value without a label")
endif()
if(_err MATCHES "INCOMPLETE_UNSPECIFIED")
  message(FATAL_ERROR "cadre_labelgen complained about a value that has both labels")
endif()
if(EXISTS "${_out}")
  message(FATAL_ERROR "cadre_labelgen wrote ${_out} despite the error")
endif()
