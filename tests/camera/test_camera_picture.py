"""Settings → Test picture: the technician types the bench camera's address and sees a picture
from it (a real RTSP camera on loopback), or the camera's own words when there is none."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from scanner.camera import snapshot
from tests.sync.servers import free_port
from tests.ui.test_packing_flow import scan, station_app  # noqa: F401 - the fixture
from tests.ui.test_rules_editor import unlock_settings


def test_a_picture_comes_from_the_camera_and_a_wrong_address_says_why(camera):
    picture = snapshot(camera.url)
    assert picture.width > 0 and picture.height > 0
    assert len(picture.rgb) == picture.stride * picture.height
    assert len(set(picture.rgb)) > 1  # not one flat colour: the frame number burnt in shows
    with pytest.raises(OSError):
        snapshot(f"rtsp://127.0.0.1:{free_port()}/cam", timeout_s=2)


@pytest.mark.gui
def test_test_picture_in_settings_shows_what_the_camera_sees(station_app, camera, qtbot, artifacts):  # noqa: F811
    app = station_app("zh_CN")
    scan("P0001")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.window.packing, timeout=3000)
    app.window.open_settings()
    unlock_settings(app, qtbot)
    view = app.window.settings_view
    view.camera_url.setText(f"rtsp://127.0.0.1:{free_port()}/cam")  # nobody there
    QTest.mouseClick(view.camera_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.camera_button.isEnabled(), timeout=20_000)
    assert view.camera_picture.pixmap().isNull() and view.camera_result.text()
    view.camera_url.setText(camera.url)
    QTest.mouseClick(view.camera_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.camera_button.isEnabled(), timeout=20_000)
    assert not view.camera_picture.pixmap().isNull(), view.camera_result.text()
    assert "×" in view.camera_result.text()
    view.sections.setCurrentIndex(2)  # the scanner, scale and camera page
    qtbot.wait(50)
    view.grab().save(str(artifacts / "settings_camera_picture_zh_CN.png"))
