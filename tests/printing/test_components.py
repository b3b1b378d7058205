"""The platforms' print components as printers, over a real WebSocket on loopback."""

from __future__ import annotations

import json

import pytest

from printing.components import DIALECTS, ComponentBackend, ComponentDocument, parse_address
from printing.printers import COMPONENTS, PrintError, backend_for, is_component
from tests.printing.component_peer import ComponentPeer, free_port

CAINIAO_DATA = {
    "encryptedData": "AES:Zm9vYmFy",
    "signature": "MD:abc123",
    "ver": "waybill_print_secret_version_1",
    "templateURL": "https://cloudprint.cainiao.com/template/standard/101/123",
}


def document(platform: str, **changes) -> ComponentDocument:
    print_data = "QVBJX0RBVEE=" if platform == "wxshop" else json.dumps(CAINIAO_DATA)
    values = dict(
        platform=platform,
        waybill_no="773012345678901",
        print_data=print_data,
        custom_area_url="https://cloudprint.cainiao.com/template/customArea/440439",
        custom={"orderNo": "SO-1001", "packer": "张三", "cards": "VIP感谢卡", "parcel": "1/2"},
        parcel_no=1,
        parcel_count=2,
    )
    values.update(changes)
    return ComponentDocument(**values)


def backend(peer: ComponentPeer, printer: str = "KM-118", **timeouts) -> ComponentBackend:
    return ComponentBackend(parse_address(f"{peer.platform}://127.0.0.1:{peer.port}/{printer}"), **timeouts)


def test_every_component_scheme_is_a_dialect_and_an_address_names_host_port_and_printer():
    assert set(COMPONENTS) == set(DIALECTS)
    assert is_component("cainiao:") and is_component(" PDD://h:1/x ") and not is_component("cups:q")
    default = parse_address("cainiao:")
    assert (default.host, default.port, default.printer) == ("127.0.0.1", 13528, "")
    assert parse_address("pdd:").port == 5000 and parse_address("doudian:").port == 13888
    assert parse_address("wxshop:").port == 12705
    named = parse_address("doudian://10.0.0.5:14000/%E5%BE%97%E5%8A%9B%20DL-888T")
    assert (named.host, named.port, named.printer) == ("10.0.0.5", 14000, "得力 DL-888T")
    assert parse_address("cainiao:/得力 DL-888T").printer == "得力 DL-888T"
    with pytest.raises(PrintError) as bad:
        parse_address("cainiao://host:99999/x")
    assert bad.value.cause == "address" and not bad.value.retryable


@pytest.mark.parametrize("platform", ["cainiao", "pdd", "doudian"])
def test_a_cmd_component_gets_the_print_data_as_issued_and_the_custom_area(platform):
    with ComponentPeer(platform) as peer:
        reference = backend(peer).send(document(platform).to_bytes(), "label SO-1001")
        (request,) = peer.printed
    assert request["cmd"] == "print" and request["version"] == "1.0" and request["requestID"]
    task = request["task"]
    assert reference == f"{platform}:{task['taskID']}"
    assert task["printer"] == "KM-118" and task["preview"] is False
    (doc,) = task["documents"]
    assert doc["documentID"] == "773012345678901"
    platform_content, custom_area = doc["contents"]
    assert platform_content == CAINIAO_DATA  # untouched
    assert custom_area == {
        "templateURL": "https://cloudprint.cainiao.com/template/customArea/440439",
        "data": {"orderNo": "SO-1001", "packer": "张三", "cards": "VIP感谢卡", "parcel": "1/2"},
    }


def test_the_wechat_shop_component_gets_its_task_list_with_the_parcel_count():
    with ComponentPeer("wxshop") as peer:
        reference = backend(peer).send(document("wxshop").to_bytes(), "label")
        (request,) = peer.printed
    assert request["command"] == "print" and request["version"] == "2.0" and request["printer"] == "KM-118"
    (task,) = request["taskList"]
    assert reference == f"wxshop:{task['taskID']}"
    assert task["printInfo"] == "QVBJX0RBVEE=" and task["printNum"] == {"curNum": 1, "sumNum": 2}
    assert task["customInfo"]["templateUrl"].endswith("/440439")
    assert task["customInfo"]["data"]["packer"] == "张三"


def test_a_template_not_inside_the_print_data_is_named_and_no_custom_area_is_sent_without_its_template():
    data = {"encryptedData": "x", "signature": "y"}
    doc = document("cainiao", print_data=json.dumps(data), template_url="https://t/std/1", custom_area_url="")
    with ComponentPeer("cainiao") as peer:
        backend(peer).send(doc.to_bytes(), "label")
        (content,) = peer.printed[0]["task"]["documents"][0]["contents"]
    assert content == {**data, "templateURL": "https://t/std/1"}


@pytest.mark.parametrize("platform", ["cainiao", "pdd", "doudian", "wxshop"])
def test_the_printer_list_is_read_and_a_missing_printer_is_said(platform):
    with ComponentPeer(platform) as peer:
        names, _default = backend(peer).printers()
        assert names == ["KM-118", "得力 DL-888T"]
        assert backend(peer).check() is None
        assert "no printer named 斑马" in (backend(peer, printer="斑马").check() or "")


def test_a_component_that_is_not_running_is_offline_and_nothing_was_sent():
    address = f"cainiao://127.0.0.1:{free_port()}"
    with pytest.raises(PrintError) as down:
        backend_for(address).send(document("cainiao").to_bytes(), "label")
    assert down.value.cause == "component" and down.value.retryable and not down.value.maybe_printed
    assert "not running" in (backend_for(address).check() or "")


@pytest.mark.parametrize("platform", ["cainiao", "wxshop"])
def test_a_refused_job_waits_for_a_person_with_the_components_reason(platform):
    with ComponentPeer(platform, mode="refuse") as peer, pytest.raises(PrintError) as refused:
        backend(peer).send(document(platform).to_bytes(), "label")
    assert (
        refused.value.cause == "refused" and not refused.value.retryable and not refused.value.maybe_printed
    )
    assert ("模板下载失败" if platform == "cainiao" else "面单已取消") in str(refused.value)


def test_a_print_that_failed_at_the_printer_is_tried_again():
    with ComponentPeer("pdd", mode="fail") as peer, pytest.raises(PrintError) as failed:
        backend(peer).send(document("pdd").to_bytes(), "label")
    assert failed.value.retryable and not failed.value.maybe_printed and "打印机缺纸" in str(failed.value)


@pytest.mark.parametrize("mode", ["silent", "hang_up"])
def test_no_result_after_sending_may_have_printed_and_is_never_resent_alone(mode):
    with ComponentPeer("cainiao", mode=mode) as peer, pytest.raises(PrintError) as unsure:
        backend(peer, reply_timeout_s=1, result_timeout_s=1).send(document("cainiao").to_bytes(), "label")
    assert unsure.value.maybe_printed and unsure.value.cause == "cut_off"


def test_a_waybill_of_one_platform_never_prints_on_anothers_component_and_bad_print_data_is_said():
    with ComponentPeer("pdd") as peer:
        with pytest.raises(PrintError) as other:
            backend(peer).send(document("cainiao").to_bytes(), "label")
        assert "issued through cainiao" in str(other.value) and not other.value.retryable
        with pytest.raises(PrintError) as garbled:
            backend(peer).send(document("pdd", print_data="not json").to_bytes(), "label")
        assert "fetch the waybill again" in str(garbled.value)
        with pytest.raises(PrintError):
            backend(peer).send(b"%PDF-1.4 a label for another printer", "label")
        assert peer.printed == []


def test_a_split_shipments_further_print_data_rides_with_the_routing_and_is_bounded():
    from pydantic import ValidationError

    from app.core.model import Routing
    from sync import protocol as p

    wire = p.WaybillRouting(source="cainiao:SHOP", print_data="ONE", parcels={"7159002": "TWO"})
    routing = Routing.from_stored(wire.model_dump(mode="json"))
    assert routing is not None and routing.platform == "cainiao"
    assert routing.print_data_for("7159001", "7159001") == "ONE"
    assert routing.print_data_for("7159002", "7159001") == "TWO"
    assert routing.print_data_for("7159003", "7159001") == ""  # none issued: the label waits for a person
    with pytest.raises(ValidationError):
        p.WaybillRouting(parcels={f"W{n}": "X" for n in range(51)})
    with pytest.raises(ValidationError):
        p.WaybillRouting(parcels={"": "X"})
