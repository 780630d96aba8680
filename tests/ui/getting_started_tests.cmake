# Tests of getting started (issue 14, item 7): the user guide window, the first-start
# panel, keyboard editing on the canvas and the drag picture.
target_sources(ui_tests PRIVATE
    ${CMAKE_CURRENT_SOURCE_DIR}/test_getting_started.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/test_canvas_keyboard.cpp
)
list(APPEND UI_TEST_CLASSES GettingStartedTest CanvasKeyboardTest)
