# Tests of the lessons panel (Help > Lessons): target_sources(ui_tests PRIVATE ...) and list(APPEND UI_TEST_CLASSES ...).
target_sources(ui_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/test_lessons.cpp)
list(APPEND UI_TEST_CLASSES LessonsTest)
