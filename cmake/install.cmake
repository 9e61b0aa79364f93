# Installing fairmatch and packaging it as a Debian package.
#
#   cmake --install build --prefix /usr/local     # binary, man page, completion
#   tools/package                                 # build/fairmatch_<ver>_<arch>.deb
#
# The binary's install rule lives in CMakeLists.txt; this part adds the man
# page fairmatch(1), bash completion and the CPack DEB settings. Runtime
# dependencies (libyaml-cpp0.7, libabsl20220623, libstdc++6, ...) are
# computed by dpkg-shlibdeps from what the binary actually links, so a
# renderer that later links pango or cairo is covered without edits here.

include(GNUInstallDirs)

# `install` (and so cpack) packs what is already built instead of building
# every target first: the package test runs inside ctest and must not
# rebuild the tree. tools/package builds the binary before packing.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(FILES ${CMAKE_SOURCE_DIR}/docs/fairmatch.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/tools/completion/fairmatch.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME fairmatch)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/data/examples
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/docs/import.md ${CMAKE_SOURCE_DIR}/docs/format.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fairmatch)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "fairmatch")
set(CPACK_PACKAGE_CONTACT "fairmatch maintainers <fairmatch@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "plans career fairs around a few well-matched conversations")
set(CPACK_PACKAGE_DESCRIPTION
  "fairmatch gives every attendee of a career fair two to four well-matched
conversations at employer tables, instead of queues at every booth. It reads
the fair from YAML files (or imports registration spreadsheets), matches
attendees and employers on shared values and mutual benefit, and writes
printable schedules, a mail-merge CSV and a machine-readable plan.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/fairmatch")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR})
set(CPACK_STRIP_FILES ON)
include(CPack)

# The package test: packs the binary already built in this tree, unpacks the
# .deb into a scratch root and runs the installed program there. It never
# rebuilds the project.
if(FAIRMATCH_TESTS)
  enable_testing()
  add_test(NAME install.package
    COMMAND ${CMAKE_SOURCE_DIR}/tools/test-package ${CMAKE_BINARY_DIR})
  set_tests_properties(install.package PROPERTIES
    LABELS install RUN_SERIAL TRUE TIMEOUT 300)
endif()
