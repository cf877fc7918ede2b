# Runs two builds of the engine digest (target paths, portable C paths) and
# fails unless they print the same digest.
execute_process(COMMAND ${TARGET_PATHS} OUTPUT_VARIABLE target RESULT_VARIABLE target_status)
execute_process(COMMAND ${PORTABLE_PATHS} OUTPUT_VARIABLE portable RESULT_VARIABLE portable_status)
if(NOT target_status EQUAL 0 OR NOT portable_status EQUAL 0)
    message(FATAL_ERROR "a digest build failed to run (${target_status}, ${portable_status})")
endif()
if(NOT target STREQUAL portable)
    message(FATAL_ERROR "portable C paths differ from the target paths: ${portable} vs ${target}")
endif()
message(STATUS "same engine output both ways: ${target}")
