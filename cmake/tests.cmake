# madoguchi_add_test(NAME <name> LABELS <l>... SOURCES <src>... LIBS <lib>...)
# builds one doctest executable and registers it with CTest under its labels.
# tests/doctest_main.cpp supplies main(), compiled once for every suite
# (madoguchi_doctest_main in tests/CMakeLists.txt: doctest's implementation
# built per suite was about 6 CPU-s each, 55 times); a suite that needs its
# own main passes NO_MAIN.
function(madoguchi_add_test)
  cmake_parse_arguments(T "NO_MAIN" "NAME;TIMEOUT" "LABELS;SOURCES;LIBS" ${ARGN})
  set(main_src $<TARGET_OBJECTS:madoguchi_doctest_main>)
  if(T_NO_MAIN)
    set(main_src "")
  endif()
  add_executable(${T_NAME} ${T_SOURCES} ${main_src})
  target_include_directories(${T_NAME} PRIVATE ${DOCTEST_INCLUDE_DIR})
  target_link_libraries(${T_NAME} PRIVATE madoguchi_flags ${T_LIBS})
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "MADOGUCHI_SOURCE_DIR=${PROJECT_SOURCE_DIR};MADOGUCHI_BIN_DIR=${CMAKE_BINARY_DIR}/bin")
endfunction()
