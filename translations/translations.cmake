# The interface's translations, included from ui/CMakeLists.txt (the ui target's
# directory). convstudio_es.ts (Spanish) is kept in the repository; the build
# turns it into convstudio_es.qm with lrelease and compiles it into the ui
# library as :/i18n/convstudio_es.qm (ui/window/language.h loads it).
#
# After changing user-visible strings, refresh the .ts, then translate the new
# entries (ui.TranslationFileTest fails on a missing or unfinished one):
#   cmake --build build --target update_translations
# lupdate reads tr() in ui/ and app/gui/ (the window's --help) and the engine's CS_TEXT/CS_NOOP marks
# (engine/core/user_text.h) as QT_TRANSLATE_NOOP. The CLI stays English.
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)

set(CONVSTUDIO_TS_FILES ${PROJECT_SOURCE_DIR}/translations/convstudio_es.ts
    CACHE INTERNAL "The interface's .ts files")
# No line numbers in the .ts: five people edit these files, it would change with
# every edit. (tests/ui runs lupdate with the same options to find missing entries.)
set(CONVSTUDIO_LUPDATE_OPTIONS -locations none -no-obsolete
    -tr-function-alias QT_TRANSLATE_NOOP+=CS_TEXT,QT_TRANSLATE_NOOP+=CS_NOOP
    CACHE INTERNAL "lupdate's options")

# For lupdate only (nothing here is compiled): every source it should read.
file(GLOB_RECURSE translated_sources CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
    ${PROJECT_SOURCE_DIR}/engine/*.cpp ${PROJECT_SOURCE_DIR}/engine/*.h
    ${PROJECT_SOURCE_DIR}/app/gui/*.cpp)
qt6_add_lupdate(ui
    TS_FILES ${CONVSTUDIO_TS_FILES}
    SOURCES ${translated_sources}
    INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}
    OPTIONS ${CONVSTUDIO_LUPDATE_OPTIONS})
qt6_add_lrelease(ui
    TS_FILES ${CONVSTUDIO_TS_FILES}
    QM_FILES_OUTPUT_VARIABLE qm_files
    OPTIONS -silent)

# The .qm files as the "translations" resource (ui/window/language.cpp calls
# Q_INIT_RESOURCE: the ui library is static).
set(translations_qrc ${CMAKE_CURRENT_BINARY_DIR}/translations.qrc)
set(qrc_entries "")
foreach(qm IN LISTS qm_files)
    get_filename_component(qm_name ${qm} NAME)
    string(APPEND qrc_entries "        <file alias=\"${qm_name}\">${qm}</file>\n")
endforeach()
file(CONFIGURE OUTPUT ${translations_qrc}
    CONTENT "<!DOCTYPE RCC>\n<RCC version=\"1.0\">\n    <qresource prefix=\"/i18n\">\n${qrc_entries}    </qresource>\n</RCC>\n")
qt6_add_resources(translation_resources ${translations_qrc})
target_sources(ui PRIVATE ${translation_resources})
