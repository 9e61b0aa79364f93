# libFuzzer targets for the input loaders (tests/fuzz/), one per loader:
#
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DFAIRMATCH_FUZZ=ON
#   cmake --build build-fuzz --target fuzz      # or tools/fuzz
#
# The engine is compiled a second time, as fairmatch_engine_fuzz, with
# coverage instrumentation and AddressSanitizer + UndefinedBehaviorSanitizer;
# the normal targets are left as they are.
option(FAIRMATCH_FUZZ "Build libFuzzer targets for the loaders (needs clang)" OFF)

if(FAIRMATCH_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "FAIRMATCH_FUZZ needs clang (libFuzzer): configure "
                        "with CC=clang CXX=clang++ in a fresh build folder")
  endif()
  set(FAIRMATCH_FUZZ_SANITIZERS address,undefined)
  set(FAIRMATCH_FUZZ_FLAGS -g -O1 -fno-omit-frame-pointer
      -fno-sanitize-recover=undefined)

  set(FAIRMATCH_FUZZ_TARGETS
    fuzz_event fuzz_attendees fuzz_employers fuzz_config fuzz_schedule fuzz_set)
  foreach(target ${FAIRMATCH_FUZZ_TARGETS})
    add_executable(${target} EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/tests/fuzz/${target}.cc)
    target_compile_options(${target} PRIVATE
      -fsanitize=fuzzer,${FAIRMATCH_FUZZ_SANITIZERS} ${FAIRMATCH_FUZZ_FLAGS})
    target_link_options(${target} PRIVATE
      -fsanitize=fuzzer,${FAIRMATCH_FUZZ_SANITIZERS})
    target_link_libraries(${target} PRIVATE fairmatch_engine_fuzz)
  endforeach()
  add_custom_target(fuzz DEPENDS ${FAIRMATCH_FUZZ_TARGETS})

  # The instrumented engine copies fairmatch_engine's sources, include
  # folders, definitions and libraries. Deferred to the end of the
  # directory, so that parts included after this one (cmake/pdf.cmake adds
  # pango and cairo) are copied too.
  function(fairmatch_add_fuzz_engine)
    foreach(property SOURCES INCLUDE_DIRECTORIES COMPILE_DEFINITIONS LINK_LIBRARIES)
      get_target_property(_fuzz_${property} fairmatch_engine ${property})
      if(NOT _fuzz_${property})
        set(_fuzz_${property} "")
      endif()
    endforeach()
    add_library(fairmatch_engine_fuzz STATIC EXCLUDE_FROM_ALL ${_fuzz_SOURCES})
    target_include_directories(fairmatch_engine_fuzz PUBLIC ${_fuzz_INCLUDE_DIRECTORIES})
    target_compile_definitions(fairmatch_engine_fuzz PUBLIC ${_fuzz_COMPILE_DEFINITIONS})
    target_link_libraries(fairmatch_engine_fuzz PUBLIC ${_fuzz_LINK_LIBRARIES})
    target_compile_options(fairmatch_engine_fuzz PRIVATE
      -fsanitize=fuzzer-no-link,${FAIRMATCH_FUZZ_SANITIZERS} ${FAIRMATCH_FUZZ_FLAGS})
  endfunction()
  cmake_language(DEFER CALL fairmatch_add_fuzz_engine)
endif()
