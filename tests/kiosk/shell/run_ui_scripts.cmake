# Runs every tests/scripts/*.mdg with `madoguchi --headless --script`; any
# failed expectation fails the test with the script's own message.
file(GLOB scripts ${SCRIPTS}/*.mdg)
list(SORT scripts)
if(NOT scripts)
  message(FATAL_ERROR "no UI scripts in ${SCRIPTS}")
endif()
foreach(script ${scripts})
  execute_process(COMMAND ${MADOGUCHI} --headless --script ${script}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "UI script ${script} failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "ok ${script}")
endforeach()
