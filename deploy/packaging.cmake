# The server's Debian package (`cpack -G DEB` in the build directory; deploy/build-deb.sh wraps
# it): ducha-server and the ducha admin CLI, the systemd units, the settings file (a conffile:
# an upgrade keeps the operator's edits) and the operations docs. The package script makes the
# service user; it never starts the server before `ducha-server init` (docs/OPERATIONS.md).
install(TARGETS ducha-server ducha RUNTIME DESTINATION bin)
install(FILES
  ${CMAKE_SOURCE_DIR}/deploy/systemd/ducha-server.service
  ${CMAKE_SOURCE_DIR}/deploy/systemd/ducha-backup.service
  ${CMAKE_SOURCE_DIR}/deploy/systemd/ducha-backup.timer
  DESTINATION lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/ducha-server.conf DESTINATION /etc/ducha)
install(FILES
  ${CMAKE_SOURCE_DIR}/README.md
  ${CMAKE_SOURCE_DIR}/docs/OPERATIONS.md
  ${CMAKE_SOURCE_DIR}/docs/SECURITY.md
  ${CMAKE_SOURCE_DIR}/docs/SYNC.md
  DESTINATION share/doc/ducha-server)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ducha-server)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Ducha operators <root@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Ducha (双减督查) sync server for off-campus tutoring inspections")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_SOURCE_DIR}/deploy/debian/postinst
  ${CMAKE_SOURCE_DIR}/deploy/debian/prerm
  ${CMAKE_SOURCE_DIR}/deploy/debian/postrm
  ${CMAKE_SOURCE_DIR}/deploy/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
