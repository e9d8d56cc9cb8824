# The Debian package (`make package`, CPack's DEB generator): the cercle binary in /usr/bin, the default
# configuration /etc/cercle/cercle.toml (a conffile), the cercle system user (sysusers.d), its folders
# (tmpfiles.d), the hardened systemd unit, and the documentation. Built from the release build; the key
# file is never packaged (README, "Install on a server").
set(CERCLE_PACKAGING "${CMAKE_SOURCE_DIR}/packaging")
set(CERCLE_PACKAGE_DOC "share/doc/cercle")

# Compressed at configure time, without names or dates in the gzip header (gzip -n), so that two builds
# of the same sources give the same package.
find_program(GZIP gzip REQUIRED)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CERCLE_PACKAGING}/changelog"
                                                              "${CERCLE_PACKAGING}/cercle.1")
file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/packaging")
foreach(pair "changelog:changelog.Debian.gz" "cercle.1:cercle.1.gz")
  string(REPLACE ":" ";" pair "${pair}")
  list(GET pair 0 source)
  list(GET pair 1 target)
  execute_process(COMMAND "${GZIP}" -9 -n -c "${CERCLE_PACKAGING}/${source}"
                  OUTPUT_FILE "${CMAKE_BINARY_DIR}/packaging/${target}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()

# The release build (the one the package ships, and `make run` serves) is hardened as Debian builds its
# own packages: checked buffer functions, stack canaries, and a relocation table resolved at start, then
# read-only.
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  foreach(target cercle_lib cercle)
    target_compile_definitions(${target} PRIVATE _FORTIFY_SOURCE=2)
    target_compile_options(${target} PRIVATE -fstack-protector-strong)
  endforeach()
  target_link_options(cercle PRIVATE -Wl,-z,relro -Wl,-z,now)
endif()

install(TARGETS cercle RUNTIME DESTINATION bin)
install(FILES "${CERCLE_PACKAGING}/cercle.toml" DESTINATION /etc/cercle)
install(FILES "${CERCLE_PACKAGING}/cercle.service" DESTINATION /lib/systemd/system)
install(FILES "${CERCLE_PACKAGING}/cercle.sysusers" DESTINATION lib/sysusers.d RENAME cercle.conf)
install(FILES "${CERCLE_PACKAGING}/cercle.tmpfiles" DESTINATION lib/tmpfiles.d RENAME cercle.conf)
install(FILES "${CMAKE_BINARY_DIR}/packaging/cercle.1.gz" DESTINATION share/man/man1)
install(FILES "${CERCLE_PACKAGING}/copyright" "${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz"
              "${CMAKE_SOURCE_DIR}/README.md" "${CMAKE_SOURCE_DIR}/cercle.example.toml"
        DESTINATION "${CERCLE_PACKAGE_DOC}")
install(FILES "${CERCLE_PACKAGING}/lintian-overrides" DESTINATION share/lintian/overrides
        RENAME cercle)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cercle)
set(CPACK_PACKAGE_VENDOR "Cercle")
set(CPACK_PACKAGE_CONTACT "Cercle <dev@cercle.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "software of a Circles of Support and Accountability program")
# The extended description, wrapped at 80 columns as Debian's tools show it.
set(CPACK_PACKAGE_DESCRIPTION
    "Cercle keeps the records of a Circles of Support and Accountability program:\n\
referrals, core members, volunteers and their screening, circles, meetings and\n\
their minutes, concerns and their escalation, encrypted documents, reports, and\n\
a hash-chained audit log. One server, in French and English, on SQLite or\n\
PostgreSQL, behind a TLS reverse proxy.")
set(CPACK_DEBIAN_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# systemd-sysusers and systemd-tmpfiles make the user and the folders; deb-systemd-helper manages the
# unit.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "systemd | systemd-standalone-sysusers | systemd-sysusers, init-system-helpers (>= 1.54~)")
# pg_dump, pg_restore and psql back up and restore a PostgreSQL database (not needed with SQLite).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql-client")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql, nginx | caddy")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CERCLE_PACKAGING}/conffiles" "${CERCLE_PACKAGING}/postinst" "${CERCLE_PACKAGING}/prerm"
    "${CERCLE_PACKAGING}/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
