# libFuzzer targets (tests/fuzz/): one per input loader; fuzz_plan, which
# plans whole generated fairs (and reruns) through the pipeline; and
# fuzz_yaml, which compares the YAML fast path with yaml-cpp; all
# built in the sanitizer build (tools/sanitize, tools/fuzz):
#
#   CC=clang CXX=clang++ cmake -S . -B build-asan -DFAIRMATCH_SANITIZE=ON -DFAIRMATCH_FUZZ=ON
#   cmake --build build-asan --target fuzz      # or tools/fuzz
#
# FAIRMATCH_SANITIZE already builds every target with AddressSanitizer and
# UndefinedBehaviorSanitizer; this part adds libFuzzer's coverage
# instrumentation (-fsanitize=fuzzer-no-link) to every engine layer and links
# the fuzz targets against that same library. One build of the engine thus
# serves both the sanitizer test suite and the fuzzers. In the test binary
# nothing collects the coverage: the sanitizer runtime defines the hooks as
# no-ops, which costs the tests a little time and nothing else.
option(FAIRMATCH_FUZZ "Build libFuzzer targets for the loaders (needs clang and FAIRMATCH_SANITIZE)" OFF)

if(FAIRMATCH_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "FAIRMATCH_FUZZ needs clang (libFuzzer): configure "
                        "with CC=clang CXX=clang++ in a fresh build folder")
  endif()
  if(NOT FAIRMATCH_SANITIZE)
    message(FATAL_ERROR "FAIRMATCH_FUZZ needs FAIRMATCH_SANITIZE=ON: the "
                        "fuzzers run the sanitizer build's engine")
  endif()
  foreach(layer ${FAIRMATCH_LAYERS})
    target_compile_options(${layer} PRIVATE -fsanitize=fuzzer-no-link)
  endforeach()

  set(FAIRMATCH_FUZZ_TARGETS
    fuzz_event fuzz_attendees fuzz_employers fuzz_config fuzz_schedule fuzz_set
    fuzz_plan fuzz_yaml)
  foreach(target ${FAIRMATCH_FUZZ_TARGETS})
    add_executable(${target} EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/tests/fuzz/${target}.cc)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${target} PRIVATE fairmatch_engine)
  endforeach()
  add_custom_target(fuzz DEPENDS ${FAIRMATCH_FUZZ_TARGETS})
endif()
