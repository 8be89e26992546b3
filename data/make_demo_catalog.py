#!/usr/bin/env python3
"""Writes data/demo-catalog.json: the demo province's procedure catalog in motcua's catalog format
(src/catalog_io/catalog_json.h). Run from the repository root: python3 data/make_demo_catalog.py

Every record names its sources in "source". Values were written from public procedure
descriptions (national and provincial portals, the laws and decrees in "legal_basis"); where no
public source was found for a value (often the provincial fee set by the HĐND, or the national
code), a realistic value is used and "source" says so. Unit codes are those of the demo province
(src/app/seed.cc). Workflow budgets sum exactly to the legal time (catalog::ValidateWorkflow);
src/catalog_io/demo_catalog_test.cc checks every record."""

import json
import pathlib

PUBLISHED = {"number": "1568/QĐ-UBND", "date": "2025-07-01"}  # demo provincial decision

CENTER = "H99.01"
COMMUNES = ["H99.10", "H99.11"]
COMMUNE_CENTERS = ["H99.10.01", "H99.11.01"]

DEPTS = {  # department -> (division that appraises, field words)
    "H99.02": "H99.02.01",
    "H99.03": "H99.03.01",
    "H99.04": "H99.04",
    "H99.05": "H99.05",
    "H99.06": "H99.06",
}

LAWS = {
    "hotich": {"number": "60/2014/QH13", "summary": "Luật Hộ tịch", "date": "2014-11-20",
               "issuer": "Quốc hội"},
    "nd123": {"number": "123/2015/NĐ-CP", "summary": "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
              "date": "2015-11-15", "issuer": "Chính phủ"},
    "nd120": {"number": "120/2025/NĐ-CP", "summary": "Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp",
              "date": "2025-06-11", "issuer": "Chính phủ"},
    "tt281": {"number": "281/2016/TT-BTC", "summary": "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch",
              "date": "2016-11-14", "issuer": ""},
    "nd23": {"number": "23/2015/NĐ-CP", "summary": "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
             "date": "2015-02-16", "issuer": "Chính phủ"},
    "tt226": {"number": "226/2016/TT-BTC", "summary": "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực",
              "date": "2016-11-11", "issuer": ""},
    "datdai": {"number": "31/2024/QH15", "summary": "Luật Đất đai", "date": "2024-01-18",
               "issuer": "Quốc hội"},
    "luat43": {"number": "43/2024/QH15", "summary": "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15",
               "date": "2024-06-29", "issuer": "Quốc hội"},
    "nd101": {"number": "101/2024/NĐ-CP", "summary": "Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai",
              "date": "2024-07-29", "issuer": "Chính phủ"},
    "nd151": {"number": "151/2025/NĐ-CP", "summary": "Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai",
              "date": "2025-06-12", "issuer": "Chính phủ"},
    "nd99": {"number": "99/2022/NĐ-CP", "summary": "Nghị định về đăng ký biện pháp bảo đảm", "date": "2022-11-30",
             "issuer": "Chính phủ"},
    "ldn": {"number": "59/2020/QH14", "summary": "Luật Doanh nghiệp", "date": "2020-06-17",
            "issuer": "Quốc hội"},
    "nd168": {"number": "168/2025/NĐ-CP", "summary": "Nghị định về đăng ký doanh nghiệp", "date": "2025-06-30",
              "issuer": "Chính phủ"},
    "tt47": {"number": "47/2019/TT-BTC", "summary": "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp",
             "date": "2019-08-05", "issuer": ""},
    "xd": {"number": "50/2014/QH13", "summary": "Luật Xây dựng", "date": "2014-06-18", "issuer": "Quốc hội"},
    "xd62": {"number": "62/2020/QH14", "summary": "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng", "date": "2020-06-17",
             "issuer": "Quốc hội"},
    "nd175": {"number": "175/2024/NĐ-CP", "summary": "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
              "date": "2024-12-30", "issuer": "Chính phủ"},
    "khcn": {"number": "29/2013/QH13", "summary": "Luật Khoa học và Công nghệ", "date": "2013-06-18",
             "issuer": "Quốc hội"},
    "nd08": {"number": "08/2014/NĐ-CP", "summary": "Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khoa học và Công nghệ",
             "date": "2014-01-27", "issuer": "Chính phủ"},
    "tt03": {"number": "03/2014/TT-BKHCN", "summary": "Thông tư hướng dẫn điều kiện thành lập và đăng ký hoạt động của tổ chức khoa học và công nghệ, văn phòng đại diện, chi nhánh của tổ chức khoa học và công nghệ",
             "date": "2014-03-31", "issuer": ""},
    "tt298": {"number": "298/2016/TT-BTC", "summary": "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định điều kiện hoạt động về khoa học, công nghệ",
              "date": "2016-11-15", "issuer": ""},
    "nlnt": {"number": "94/2025/QH15", "summary": "Luật Năng lượng nguyên tử", "date": "2025-06-27", "issuer": "Quốc hội"},
    "nd13": {"number": "13/2019/NĐ-CP", "summary": "Nghị định về doanh nghiệp khoa học và công nghệ", "date": "2019-02-01",
             "issuer": "Chính phủ"},
    "tt14": {"number": "14/2014/TT-BKHCN", "summary": "Thông tư quy định việc thu thập, đăng ký, lưu giữ và công bố thông tin về nhiệm vụ khoa học và công nghệ",
             "date": "2014-06-11", "issuer": ""},
    "nd118": {"number": "118/2025/NĐ-CP", "summary": "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia",
              "date": "2025-06-09", "issuer": "Chính phủ"},
}


def time(amount, unit="working-days", text=""):
    return {"amount": amount, "unit": unit, "text": text}


def fee(amount, description, type_="fee"):
    return {"type": type_, "amount_vnd": amount, "description": description}


FREE = [fee(0, "Miễn lệ phí")]


def comp(name, original=1, copy=0, required=True, condition="", form="", reusable=False, code=""):
    return {"code": code, "name": name, "original_qty": original, "copy_qty": copy,
            "requirement": "required" if required else "conditional", "condition": condition,
            "form_code": form, "reusable_from_data_store": reusable}


def channels(t, fees, online=True, postal=True, online_time=None, online_fees=None):
    out = {"in-person": {"time": t, "fees": fees, "description": "Nộp trực tiếp tại Bộ phận Một cửa"}}
    if online:
        out["online"] = {"time": online_time or t, "fees": online_fees if online_fees is not None else fees,
                         "description": "Nộp trực tuyến trên Cổng Dịch vụ công quốc gia"}
    if postal:
        out["postal"] = {"time": t, "fees": fees, "description": "Nộp qua dịch vụ bưu chính công ích"}
    return out


def hours_of(t):
    if t["unit"] == "working-days":
        return t["amount"] * 8
    if t["unit"] == "working-hours":
        return t["amount"]
    if t["unit"] == "calendar-days":  # the budget may not exceed MinWorkingDaysIn(N) x 8 h
        n = t["amount"]
        return (n // 7 * 5 + max(0, n % 7 - 2)) * 8
    raise ValueError(t)


def step(id_, kind, name, budget, unit="", role="", nxt=None, back=None, counted=True):
    if float(budget).is_integer():
        budget = int(budget)
    return {"id": id_, "kind": kind, "name": name, "unit": unit, "role": role, "budget_hours": budget,
            "counted": counted, "next": nxt or [], "back": back or []}


def chain(steps):
    for a, b in zip(steps, steps[1:]):
        a["next"] = [b["id"]]
    return steps


def province_steps(total, dept, division, inter=None, financial=False):
    """Receive at the provincial center, assign, appraise, approve, sign, issue, return."""
    if total >= 40:
        fixed = {"receive": 4, "assign": 4, "approve": 8, "sign": 8, "issue": 4, "return": 4}
    elif total >= 16:
        fixed = {"receive": 2, "assign": 2, "approve": 2, "sign": 2, "issue": 1, "return": 1}
    else:
        fixed = {"receive": 1, "assign": 0.5, "approve": 1, "sign": 1, "issue": 0.5, "return": 1}
    inter_h = 0
    if inter:
        inter_h = inter[1]
    appraise = total - sum(fixed.values()) - inter_h
    assert appraise > 0, (total, appraise)
    s = [step("tiep-nhan", "receive", "Tiếp nhận, kiểm tra hồ sơ", fixed["receive"], CENTER, "reception_officer"),
         step("phan-cong", "assign", "Phân công xử lý", fixed["assign"], division, "division_head"),
         step("tham-dinh", "appraise", "Thẩm định hồ sơ", appraise, division, "specialist")]
    if inter:
        s.append(step("lien-thong", "inter-agency", inter[2], inter_h, inter[0], "specialist"))
    if financial:
        s.append(step("nghia-vu-tai-chinh", "wait-financial", "Chờ thực hiện nghĩa vụ tài chính", 40,
                      "", "reception_officer", counted=False))
    s += [step("trinh-duyet", "approve", "Trình lãnh đạo phòng xem xét", fixed["approve"], division,
               "division_head", back=["tham-dinh"]),
          step("ky", "sign", "Lãnh đạo Sở ký", fixed["sign"], dept, "agency_head", back=["tham-dinh"]),
          step("phat-hanh", "issue", "Vào sổ, đóng dấu, phát hành", fixed["issue"], dept, "clerk"),
          step("tra-ket-qua", "return", "Trả kết quả", fixed["return"], CENTER, "reception_officer")]
    return chain(s)


def commune_steps(total, inter=None, financial=False):
    """Steps of a commune-level procedure: performers are roles (any commune of the province)."""
    if total <= 8:
        fixed = {"receive": 1, "sign": 2, "return": 1}
    elif total <= 24:
        fixed = {"receive": 2, "sign": 4, "return": 2}
    else:
        fixed = {"receive": 4, "sign": 8, "return": 4}
    inter_h = inter[1] if inter else 0
    appraise = total - sum(fixed.values()) - inter_h
    assert appraise > 0, (total, appraise)
    s = [step("tiep-nhan", "receive", "Tiếp nhận, kiểm tra hồ sơ", fixed["receive"], "", "reception_officer"),
         step("tham-dinh", "appraise", "Công chức chuyên môn thẩm định, trình ký", appraise, "", "specialist")]
    if inter:
        s.append(step("lien-thong", "inter-agency", inter[2], inter_h, inter[0], "specialist"))
    if financial:
        s.append(step("nghia-vu-tai-chinh", "wait-financial", "Chờ thực hiện nghĩa vụ tài chính", 40,
                      "", "reception_officer", counted=False))
    s += [step("ky", "sign", "Chủ tịch UBND xã ký", fixed["sign"], "", "agency_head", back=["tham-dinh"]),
          step("tra-ket-qua", "return", "Trả kết quả", fixed["return"], "", "reception_officer")]
    return chain(s)


RECORDS = []


def proc(code, name, field, level, competent, receiving, chans, cases, legal, outcomes, online_level,
         source, steps_text="", subjects=None, requirements="", location_independent=True,
         workflow=None, workflow_channels=None, coordinating=None, cutoff="15:00", keywords=None):
    RECORDS.append({
        "code": code, "name": name, "level": level, "field": field, "field_code": "",
        "competent_units": competent, "receiving_units": receiving,
        "coordinating_units": coordinating or [], "channels": chans,
        "cases": [{"code": "", "name": c[0], "components": c[1]} for c in cases],
        "steps": steps_text, "subjects": subjects or ["Công dân Việt Nam"],
        "requirements": requirements,
        "legal_basis": [LAWS[k] for k in legal],
        "outcomes": [{"code": "", "name": o} for o in outcomes],
        "online_level": online_level, "online_only": False,
        "location_independent": location_independent, "cutoff": cutoff,
        "supplement_mode": "exclude-waiting",
        "version": {"number": 1, "state": "published", "published": PUBLISHED, "ended": None,
                    "replaced_by": "", "expires": None},
        "decision": None, "agencies": [], "keywords": keywords or [], "source": source,
        "import_notes": [],
        "workflows": [{"channels": workflow_channels or [], "steps": workflow}],
    })


def commune(code, name, field, t, fees, cases, legal, outcomes, online_level, source, **kw):
    online = online_level != "none"
    inter = kw.pop("inter", None)
    financial = kw.pop("financial", False)
    online_time = kw.pop("online_time", None)
    chans = channels(t, fees, online=online, online_time=online_time)
    wf_channels = ["in-person", "postal"] if online_time else []
    proc(code, name, field, "commune", COMMUNES, COMMUNE_CENTERS + [CENTER], chans, cases, legal,
         outcomes, online_level, source,
         workflow=commune_steps(hours_of(t), inter=inter, financial=financial),
         workflow_channels=wf_channels, **kw)


def province(code, name, field, dept, t, fees, cases, legal, outcomes, online_level, source, **kw):
    online = online_level != "none"
    inter = kw.pop("inter", None)
    financial = kw.pop("financial", False)
    online_fees = kw.pop("online_fees", None)
    chans = channels(t, fees, online=online, online_fees=online_fees)
    proc(code, name, field, "province", [dept], [CENTER], chans, cases, legal, outcomes,
         online_level, source,
         workflow=province_steps(hours_of(t), dept, DEPTS[dept], inter=inter, financial=financial),
         **kw)


CCCD = comp("Giấy tờ tùy thân (Căn cước, Căn cước công dân hoặc Hộ chiếu) để đối chiếu; không nộp khi đã xác thực bằng tài khoản định danh điện tử VNeID",
            1, 0, required=False, condition="khi nộp trực tiếp và chưa khai thác được từ Cơ sở dữ liệu quốc gia về dân cư", reusable=True)
SAME_DAY = "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo"
SRC_HOTICH = ("Luật Hộ tịch 2014 (thời hạn, miễn lệ phí: Điều 11), Nghị định 123/2015/NĐ-CP; mô tả công khai của "
              "thủ tục trên Cổng Dịch vụ công quốc gia và cổng thông tin cấp xã (ví dụ molao.hadong.hanoi.gov.vn, thủ tục đăng ký khai sinh)")
SRC_REALISTIC_FEE = "; mức lệ phí do HĐND tỉnh quy định: giá trị minh họa, không lấy từ nguồn công khai"
SRC_CODE = "; mã thủ tục là mã minh họa (9.9xxxxx), chưa đối chiếu với Cơ sở dữ liệu quốc gia về TTHC"

# ---- Hộ tịch (civil status), commune level --------------------------------------------------
HT = "Hộ tịch"
commune("1.001193", "Đăng ký khai sinh", HT, time(1, text=SAME_DAY), [fee(0, "Miễn lệ phí đối với trường hợp đăng ký khai sinh đúng hạn")],
        [("", [comp("Tờ khai đăng ký khai sinh theo mẫu", form="TT04/2020-TK-KS"),
               comp("Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh", reusable=True),
               CCCD])],
        ["hotich", "nd123", "nd120"], ["Giấy khai sinh (bản chính)", "Trích lục khai sinh"], "full",
        SRC_HOTICH + "; mã 1.001193 như ví dụ trong DOMAIN.md", subjects=["Công dân Việt Nam", "Cha, mẹ hoặc người thân thích của trẻ em"],
        keywords=["khai sinh", "giấy khai sinh"])
commune("1.000894", "Đăng ký kết hôn", HT, time(1, text=SAME_DAY + "; nếu cần xác minh thì không quá 05 ngày làm việc"), [fee(0, "Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước")],
        [("", [comp("Tờ khai đăng ký kết hôn theo mẫu (hai bên nam, nữ cùng có mặt khi đăng ký)", form="TT04/2020-TK-KH"),
               comp("Giấy xác nhận tình trạng hôn nhân", required=False, condition="khi người yêu cầu đăng ký kết hôn không thường trú tại xã nơi đăng ký"),
               CCCD])],
        ["hotich", "nd123", "nd120"], ["Giấy chứng nhận kết hôn (02 bản chính)"], "partial",
        SRC_HOTICH + "; mã 1.000894 theo gợi ý của nhóm, chưa đối chiếu", keywords=["kết hôn"])
commune("1.000656", "Đăng ký khai tử", HT, time(1, text=SAME_DAY), [fee(0, "Miễn lệ phí đối với trường hợp đăng ký khai tử đúng hạn")],
        [("", [comp("Tờ khai đăng ký khai tử theo mẫu", form="TT04/2020-TK-KT"),
               comp("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp"), CCCD])],
        ["hotich", "nd123", "nd120"], ["Trích lục khai tử (bản chính)"], "full",
        SRC_HOTICH + "; mã 1.000656 theo trí nhớ, chưa đối chiếu")
commune("9.900101", "Đăng ký nhận cha, mẹ, con", HT, time(3, text="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(15000, "15.000 đồng/trường hợp")],
        [("", [comp("Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", form="TT04/2020-TK-CMC"),
               comp("Văn bản của cơ quan y tế, giám định hoặc giấy tờ khác chứng minh quan hệ cha, mẹ, con"), CCCD])],
        ["hotich", "nd123", "nd120"], ["Trích lục đăng ký nhận cha, mẹ, con"], "partial",
        SRC_HOTICH + SRC_REALISTIC_FEE + SRC_CODE)
commune("9.900102", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", HT, time(3, text="03 ngày làm việc; trường hợp cần xác minh thì không quá 06 ngày làm việc"),
        [fee(15000, "15.000 đồng/trường hợp")],
        [("", [comp("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu", form="TT04/2020-TK-TDCC"),
               comp("Giấy tờ liên quan làm căn cứ cho việc thay đổi, cải chính, bổ sung", 0, 1), CCCD])],
        ["hotich", "nd123", "nd120"], ["Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch"], "partial",
        SRC_HOTICH + SRC_REALISTIC_FEE + SRC_CODE)
commune("9.900103", "Cấp bản sao trích lục hộ tịch", HT, time(1, text=SAME_DAY), [fee(8000, "8.000 đồng/bản sao trích lục", "charge")],
        [("", [comp("Tờ khai cấp bản sao trích lục hộ tịch theo mẫu", form="TT04/2020-TK-BSTL"), CCCD])],
        ["hotich", "nd123", "tt281"], ["Bản sao trích lục hộ tịch"], "full",
        SRC_HOTICH + "; phí 8.000 đồng/bản sao theo Thông tư 281/2016/TT-BTC" + SRC_CODE)
commune("9.900104", "Cấp Giấy xác nhận tình trạng hôn nhân", HT, time(3, text="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"),
        [fee(15000, "15.000 đồng/trường hợp")],
        [("", [comp("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu", form="TT04/2020-TK-XNHN"),
               comp("Bản án, quyết định ly hôn đã có hiệu lực hoặc trích lục khai tử của vợ/chồng", 0, 1, required=False,
                    condition="khi người yêu cầu đã từng kết hôn"), CCCD])],
        ["hotich", "nd123", "nd120"], ["Giấy xác nhận tình trạng hôn nhân"], "full",
        SRC_HOTICH + SRC_REALISTIC_FEE + SRC_CODE)
commune("9.900105", "Đăng ký giám hộ", HT, time(1, text=SAME_DAY), [fee(0, "Miễn lệ phí")],
        [("", [comp("Tờ khai đăng ký giám hộ theo mẫu", form="TT04/2020-TK-GH"),
               comp("Văn bản cử người giám hộ hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên"), CCCD])],
        ["hotich", "nd123", "nd120"], ["Trích lục đăng ký giám hộ"], "partial",
        SRC_HOTICH + "; miễn lệ phí theo Điều 11 Luật Hộ tịch" + SRC_CODE)

# ---- Chứng thực (certification), commune level --------------------------------------------
CT = "Chứng thực"
commune("9.900201", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp", CT,
        time(1, text="Trong ngày cơ quan tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ"),
        [fee(2000, "2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa 200.000 đồng/bản", "charge")],
        [("", [comp("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"), comp("Bản sao cần chứng thực", 0, 1)])],
        ["nd23", "tt226"], ["Bản sao được chứng thực từ bản chính"], "none",
        "Nghị định 23/2015/NĐ-CP (thời hạn: Điều 21), Thông tư 226/2016/TT-BTC (phí)" + SRC_CODE)
commune("9.900202", "Chứng thực chữ ký trong các giấy tờ, văn bản", CT,
        time(1, text="Trong ngày cơ quan tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ"),
        [fee(10000, "10.000 đồng/trường hợp", "charge")],
        [("", [comp("Giấy tờ, văn bản mà mình sẽ ký"), CCCD])],
        ["nd23", "tt226"], ["Giấy tờ, văn bản được chứng thực chữ ký"], "none",
        "Nghị định 23/2015/NĐ-CP, Thông tư 226/2016/TT-BTC (phí 10.000 đồng/trường hợp)" + SRC_CODE)

# ---- Đất đai (land) -----------------------------------------------------------------------
DD = "Đất đai"
VPDK = "H99.03.01"
SRC_LAND = "Luật Đất đai 2024, Nghị định 101/2024/NĐ-CP (thời hạn), Nghị định 151/2025/NĐ-CP (thẩm quyền từ 01/7/2025)"
commune("1.013979", "Tặng cho quyền sử dụng đất cho Nhà nước hoặc cộng đồng dân cư hoặc mở rộng đường giao thông đối với trường hợp thửa đất chưa được cấp Giấy chứng nhận", DD,
        time(20), [fee(0, "Không quy định.")],
        [("", [comp("Văn bản tặng cho quyền sử dụng đất hoặc biên bản họp giữa đại diện thôn, tổ dân phố với người sử dụng đất về việc tặng cho quyền sử dụng đất",
                    1, 1, code="000.00.00.G10-KQ006120")])],
        ["datdai", "luat43", "nd151", "nd118", "nd101"], ["Chỉnh lý, cập nhật vào hồ sơ địa chính, cơ sở dữ liệu đất đai"], "partial",
        "Bản ghi thật của Cổng Dịch vụ công quốc gia (shared/samples/national-portal-procedure.json, thủ tục 1.013979, Quyết định 2304/QĐ-BNNMT): trực tuyến và bưu chính 10 ngày làm việc, trực tiếp 20 ngày làm việc; quy trình nội bộ của tỉnh mẫu là minh họa",
        online_time=time(10), inter=(VPDK, 40, "Văn phòng Đăng ký đất đai chỉnh lý hồ sơ địa chính"),
        steps_text="Bước 1: Người sử dụng đất nộp hồ sơ tới Trung tâm Phục vụ hành chính công hoặc Ủy ban nhân dân cấp xã.\nBước 2: Cơ quan quản lý đất đai cấp xã đo đạc chỉnh lý bản đồ địa chính và chuyển hồ sơ đến Văn phòng đăng ký đất đai.\nBước 3: Người sử dụng đất thực hiện đăng ký, cấp Giấy chứng nhận lần đầu đối với phần diện tích còn lại (nếu có).",
        coordinating=[VPDK], subjects=["Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)"])
province("9.900301", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế", DD, "H99.03",
         time(10, text="Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (không kể thời gian thực hiện nghĩa vụ tài chính)"),
         [fee(100000, "Lệ phí cấp Giấy chứng nhận: 100.000 đồng/giấy"), fee(500000, "Phí thẩm định hồ sơ: 500.000 đồng/hồ sơ", "charge")],
         [("", [comp("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 11/ĐK", form="11/ĐK"),
                comp("Hợp đồng, văn bản chuyển nhượng, tặng cho, thừa kế đã công chứng hoặc chứng thực"),
                comp("Giấy chứng nhận đã cấp"),
                comp("Tờ khai lệ phí trước bạ, tờ khai thuế thu nhập cá nhân")])],
         ["datdai", "nd101", "nd151"], ["Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất hoặc xác nhận biến động trên Giấy chứng nhận đã cấp"],
         "partial", SRC_LAND + SRC_REALISTIC_FEE + SRC_CODE, financial=True,
         inter=("H99.06", 8, "Liên thông cơ quan thuế xác định nghĩa vụ tài chính"))
commune("9.900302", "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu", DD,
        time(20, text="Không quá 20 ngày làm việc (không kể thời gian niêm yết công khai và thực hiện nghĩa vụ tài chính)"),
        [fee(100000, "Lệ phí cấp Giấy chứng nhận: 100.000 đồng/giấy")],
        [("", [comp("Đơn đăng ký, cấp Giấy chứng nhận theo Mẫu số 04/ĐK", form="04/ĐK"),
               comp("Giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai", 0, 1, required=False, condition="nếu có"),
               comp("Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ liên quan đến miễn, giảm nghĩa vụ tài chính", 0, 1, required=False, condition="nếu có")])],
        ["datdai", "nd101", "nd151"], ["Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"], "partial",
        SRC_LAND + SRC_REALISTIC_FEE + SRC_CODE, financial=True,
        inter=(VPDK, 56, "Văn phòng Đăng ký đất đai kiểm tra hồ sơ, cập nhật cơ sở dữ liệu, in Giấy chứng nhận"), coordinating=[VPDK])
province("9.900303", "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", DD, "H99.03",
         time(7, text="Không quá 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(50000, "Lệ phí cấp đổi Giấy chứng nhận: 50.000 đồng/giấy")],
         [("", [comp("Đơn đăng ký biến động theo Mẫu số 11/ĐK", form="11/ĐK"), comp("Bản gốc Giấy chứng nhận đã cấp")])],
         ["datdai", "nd101"], ["Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"], "partial",
         SRC_LAND + SRC_REALISTIC_FEE + SRC_CODE)
province("9.900304", "Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất", DD, "H99.03",
         time(10, text="Không quá 10 ngày làm việc (không kể thời gian niêm yết thông báo mất Giấy chứng nhận 15 ngày)"),
         [fee(50000, "Lệ phí cấp lại Giấy chứng nhận: 50.000 đồng/giấy")],
         [("", [comp("Đơn đề nghị cấp lại Giấy chứng nhận theo Mẫu số 11/ĐK", form="11/ĐK"),
                comp("Giấy xác nhận của Ủy ban nhân dân cấp xã về việc đã niêm yết thông báo mất Giấy chứng nhận")])],
         ["datdai", "nd101"], ["Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"], "partial",
         SRC_LAND + SRC_REALISTIC_FEE + SRC_CODE)
province("9.900305", "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", DD, "H99.03",
         time(1, text="Trong ngày nhận hồ sơ hợp lệ; nếu nhận sau 15 giờ thì hoàn thành trong ngày làm việc tiếp theo"),
         [fee(80000, "80.000 đồng/hồ sơ", "charge")],
         [("", [comp("Phiếu yêu cầu đăng ký theo Mẫu số 01a", form="01a-ĐKTC"), comp("Hợp đồng bảo đảm đã công chứng hoặc chứng thực", 0, 1),
                comp("Bản gốc Giấy chứng nhận")])],
         ["nd99", "datdai"], ["Xác nhận nội dung đăng ký thế chấp trên Giấy chứng nhận"], "full",
         "Nghị định 99/2022/NĐ-CP (thời hạn: trong ngày làm việc); phí đăng ký biện pháp bảo đảm 80.000 đồng theo biểu phí hiện hành (chưa đối chiếu văn bản thay thế)" + SRC_CODE)
province("9.900306", "Tách thửa hoặc hợp thửa đất", DD, "H99.03",
         time(15, text="Không quá 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(100000, "Lệ phí cấp Giấy chứng nhận: 100.000 đồng/giấy")],
         [("", [comp("Đơn đề nghị tách thửa, hợp thửa đất theo Mẫu số 01/ĐK", form="01/ĐK"), comp("Bản gốc Giấy chứng nhận đã cấp"),
                comp("Bản vẽ tách thửa, hợp thửa đất do đơn vị đo đạc lập")])],
         ["datdai", "nd101"], ["Giấy chứng nhận cho các thửa đất sau tách, hợp"], "partial",
         SRC_LAND + SRC_REALISTIC_FEE + SRC_CODE)
commune("9.900307", "Chuyển mục đích sử dụng đất đối với cá nhân", DD,
        time(15, text="Không quá 15 ngày làm việc (không kể thời gian thực hiện nghĩa vụ tài chính)"), [fee(0, "Không quy định.")],
        [("", [comp("Đơn xin chuyển mục đích sử dụng đất theo Mẫu số 02c", form="02c-CMĐ"), comp("Giấy chứng nhận đã cấp")])],
        ["datdai", "nd151"], ["Quyết định cho phép chuyển mục đích sử dụng đất"], "partial",
        SRC_LAND + "; thời hạn 15 ngày làm việc là giá trị minh họa" + SRC_CODE, financial=True)
province("9.900308", "Đăng ký thay đổi thông tin về người sử dụng đất trên Giấy chứng nhận (họ tên, giấy tờ nhân thân, địa chỉ)", DD, "H99.03",
         time(7, text="Không quá 07 ngày làm việc"), [fee(30000, "Lệ phí chứng nhận đăng ký biến động: 30.000 đồng/lần")],
         [("", [comp("Đơn đăng ký biến động theo Mẫu số 11/ĐK", form="11/ĐK"), comp("Bản gốc Giấy chứng nhận đã cấp"),
                comp("Giấy tờ chứng minh nội dung thay đổi", 0, 1)])],
         ["datdai", "nd101"], ["Xác nhận thay đổi trên Giấy chứng nhận"], "full",
         SRC_LAND + SRC_REALISTIC_FEE + SRC_CODE)

# ---- Đăng ký kinh doanh (business registration) ------------------------------------------
HKD = "Thành lập và hoạt động của hộ kinh doanh"
DKDN = "Thành lập và hoạt động doanh nghiệp"
SRC_HKD = "Nghị định 168/2025/NĐ-CP (hộ kinh doanh đăng ký tại cấp xã; 03 ngày làm việc)"
SRC_DN = "Luật Doanh nghiệp 2020, Nghị định 168/2025/NĐ-CP (03 ngày làm việc), Thông tư 47/2019/TT-BTC (lệ phí 50.000 đồng, miễn khi nộp trực tuyến)"
commune("1.001612", "Đăng ký thành lập hộ kinh doanh", HKD, time(3, text="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ"),
        [fee(100000, "100.000 đồng/lần")],
        [("", [comp("Giấy đề nghị đăng ký hộ kinh doanh", form="PL-III-1"),
               comp("Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh", required=False, condition="khi các thành viên hộ gia đình cùng đăng ký"),
               comp("Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh", 0, 1, required=False, condition="khi ủy quyền")])],
        ["nd168"], ["Giấy chứng nhận đăng ký hộ kinh doanh"], "full",
        SRC_HKD + SRC_REALISTIC_FEE + "; mã 1.001612 theo trí nhớ, chưa đối chiếu", subjects=["Cá nhân, thành viên hộ gia đình"])
commune("9.900401", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", HKD, time(3, text="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ"),
        [fee(50000, "50.000 đồng/lần")],
        [("", [comp("Thông báo thay đổi nội dung đăng ký hộ kinh doanh", form="PL-III-2"), comp("Giấy chứng nhận đăng ký hộ kinh doanh đã cấp")])],
        ["nd168"], ["Giấy chứng nhận đăng ký hộ kinh doanh"], "full", SRC_HKD + SRC_REALISTIC_FEE + SRC_CODE)
commune("9.900402", "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh", HKD,
        time(3, text="03 ngày làm việc kể từ ngày nhận thông báo hợp lệ"), [fee(0, "Miễn phí")],
        [("", [comp("Thông báo về việc tạm ngừng/tiếp tục kinh doanh trước thời hạn", form="PL-III-3")])],
        ["nd168"], ["Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh"], "full", SRC_HKD + SRC_CODE)
commune("9.900403", "Chấm dứt hoạt động hộ kinh doanh", HKD, time(3, text="03 ngày làm việc kể từ ngày nhận thông báo hợp lệ"), [fee(0, "Miễn phí")],
        [("", [comp("Thông báo về việc chấm dứt hoạt động hộ kinh doanh", form="PL-III-4"), comp("Giấy chứng nhận đăng ký hộ kinh doanh (bản gốc)")])],
        ["nd168"], ["Thông báo về việc chấm dứt hoạt động hộ kinh doanh"], "full", SRC_HKD + SRC_CODE)
DN_FEE = [fee(50000, "50.000 đồng/lần")]
DN_ONLINE = [fee(0, "Miễn lệ phí khi đăng ký qua mạng thông tin điện tử")]
province("9.900404", "Đăng ký thành lập doanh nghiệp tư nhân", DKDN, "H99.06", time(3, text="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ"), DN_FEE,
         [("", [comp("Giấy đề nghị đăng ký doanh nghiệp tư nhân", form="PL-I-1"), CCCD])],
         ["ldn", "nd168", "tt47"], ["Giấy chứng nhận đăng ký doanh nghiệp"], "full", SRC_DN + SRC_CODE, online_fees=DN_ONLINE,
         subjects=["Cá nhân", "Doanh nghiệp"])
province("9.900405", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", DKDN, "H99.06", time(3, text="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ"), DN_FEE,
         [("", [comp("Giấy đề nghị đăng ký doanh nghiệp", form="PL-I-2"), comp("Điều lệ công ty"),
                comp("Bản sao giấy tờ pháp lý của chủ sở hữu công ty", 0, 1),
                comp("Văn bản cử người đại diện theo ủy quyền", required=False, condition="khi chủ sở hữu là tổ chức")])],
         ["ldn", "nd168", "tt47"], ["Giấy chứng nhận đăng ký doanh nghiệp"], "full", SRC_DN + SRC_CODE, online_fees=DN_ONLINE,
         subjects=["Cá nhân", "Tổ chức", "Doanh nghiệp"])
province("9.900406", "Đăng ký thành lập công ty cổ phần", DKDN, "H99.06", time(3, text="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ"), DN_FEE,
         [("", [comp("Giấy đề nghị đăng ký doanh nghiệp", form="PL-I-4"), comp("Điều lệ công ty"),
                comp("Danh sách cổ đông sáng lập; danh sách cổ đông là nhà đầu tư nước ngoài", form="PL-I-7"),
                comp("Bản sao giấy tờ pháp lý của cổ đông sáng lập", 0, 1)])],
         ["ldn", "nd168", "tt47"], ["Giấy chứng nhận đăng ký doanh nghiệp"], "full", SRC_DN + SRC_CODE, online_fees=DN_ONLINE,
         subjects=["Cá nhân", "Tổ chức", "Doanh nghiệp"])
province("9.900407", "Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp", DKDN, "H99.06", time(3, text="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ"), DN_FEE,
         [("", [comp("Thông báo thay đổi nội dung đăng ký doanh nghiệp", form="PL-II-1"),
                comp("Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông về việc thay đổi")])],
         ["ldn", "nd168", "tt47"], ["Giấy chứng nhận đăng ký doanh nghiệp"], "full", SRC_DN + SRC_CODE, online_fees=DN_ONLINE,
         subjects=["Doanh nghiệp"])
province("9.900408", "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của doanh nghiệp", DKDN, "H99.06",
         time(3, text="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ"), [fee(0, "Miễn phí")],
         [("", [comp("Thông báo về việc tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn", form="PL-II-19")])],
         ["ldn", "nd168"], ["Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh"], "full", SRC_DN + SRC_CODE,
         subjects=["Doanh nghiệp"])

# ---- Xây dựng (construction) --------------------------------------------------------------
XD = "Hoạt động xây dựng"
SRC_XD = "Luật Xây dựng 2014 sửa đổi 2020 (Điều 102: 20 ngày, nhà ở riêng lẻ 15 ngày), Nghị định 175/2024/NĐ-CP; báo Pháp luật TP.HCM plo.vn 'Cấp giấy phép cho nhà ở trong 15 ngày' (thành phần hồ sơ)"
GPXD_CASE = [comp("Đơn đề nghị cấp giấy phép xây dựng theo mẫu", form="ND175-PL-II-1"),
             comp("Giấy tờ chứng minh quyền sử dụng đất", 0, 1, reusable=True),
             comp("Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, sơ đồ đấu nối hạ tầng)", 2, 0)]
commune("9.900501", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", XD,
        time(15, "calendar-days", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(75000, "75.000 đồng/giấy phép")],
        [("", GPXD_CASE)], ["xd", "xd62", "nd175"], ["Giấy phép xây dựng"], "partial",
        SRC_XD + SRC_REALISTIC_FEE + SRC_CODE + "; '15 ngày' là ngày theo lịch: ngân sách quy trình không vượt quá 10 ngày làm việc")
province("9.900502", "Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II", XD, "H99.04",
         time(20, "calendar-days", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(150000, "150.000 đồng/giấy phép")],
         [("", GPXD_CASE + [comp("Quyết định phê duyệt dự án và văn bản thẩm định thiết kế", 0, 1)])],
         ["xd", "xd62", "nd175"], ["Giấy phép xây dựng"], "partial",
         SRC_XD + SRC_REALISTIC_FEE + SRC_CODE, subjects=["Tổ chức", "Doanh nghiệp"])
province("9.900503", "Cấp giấy phép sửa chữa, cải tạo công trình", XD, "H99.04",
         time(20, "calendar-days", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(150000, "150.000 đồng/giấy phép")],
         [("", [comp("Đơn đề nghị cấp giấy phép sửa chữa, cải tạo theo mẫu", form="ND175-PL-II-1"),
                comp("Giấy tờ chứng minh quyền sở hữu, quản lý, sử dụng công trình", 0, 1),
                comp("Bản vẽ, ảnh chụp hiện trạng bộ phận công trình đề nghị sửa chữa, cải tạo")])],
         ["xd", "xd62", "nd175"], ["Giấy phép sửa chữa, cải tạo công trình"], "partial", SRC_XD + SRC_REALISTIC_FEE + SRC_CODE,
         subjects=["Tổ chức", "Doanh nghiệp"])
province("9.900504", "Gia hạn giấy phép xây dựng", XD, "H99.04", time(5, text="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"),
         [fee(15000, "15.000 đồng/giấy phép")],
         [("", [comp("Đơn đề nghị gia hạn giấy phép xây dựng", form="ND175-PL-II-3"), comp("Bản chính giấy phép xây dựng đã cấp")])],
         ["xd", "xd62", "nd175"], ["Giấy phép xây dựng được gia hạn"], "full", SRC_XD + SRC_REALISTIC_FEE + SRC_CODE)
province("9.900505", "Cấp lại giấy phép xây dựng", XD, "H99.04", time(5, text="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"),
         [fee(15000, "15.000 đồng/giấy phép")],
         [("", [comp("Đơn đề nghị cấp lại giấy phép xây dựng, nêu rõ lý do", form="ND175-PL-II-3"),
                comp("Bản chính giấy phép xây dựng đã cấp", required=False, condition="khi giấy phép bị rách, nát")])],
         ["xd", "xd62", "nd175"], ["Giấy phép xây dựng (cấp lại)"], "full", SRC_XD + SRC_REALISTIC_FEE + SRC_CODE)

# ---- Khoa học và công nghệ (science and technology) ------------------------------------------
KH = "Hoạt động khoa học và công nghệ"
SRC_KH = ("Luật Khoa học và Công nghệ 2013, Nghị định 08/2014/NĐ-CP, Thông tư 03/2014/TT-BKHCN; thủ tục công khai của "
          "Sở Khoa học và Công nghệ TP. Hồ Chí Minh (dost.hochiminhcity.gov.vn) và Bộ KH&CN (dichvucong.most.gov.vn)")
province("9.900601", "Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ", KH, "H99.05",
         time(15, text="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(3000000, "Phí thẩm định điều kiện hoạt động: 3.000.000 đồng/hồ sơ", "charge")],
         [("", [comp("Đơn đăng ký hoạt động khoa học và công nghệ", form="TT03/2014-M1"),
                comp("Quyết định thành lập tổ chức khoa học và công nghệ", 0, 1), comp("Điều lệ tổ chức và hoạt động"),
                comp("Hồ sơ nhân lực (danh sách, lý lịch khoa học, văn bằng)"), comp("Giấy tờ chứng minh trụ sở, cơ sở vật chất", 0, 1)])],
         ["khcn", "nd08", "tt03", "tt298"], ["Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ"], "partial",
         SRC_KH + "; thời hạn và mức phí theo Thông tư 298/2016/TT-BTC ghi theo trí nhớ, cần đối chiếu" + SRC_CODE,
         subjects=["Tổ chức khoa học và công nghệ"])
province("9.900602", "Cấp lại, thay đổi, bổ sung Giấy chứng nhận đăng ký hoạt động của tổ chức khoa học và công nghệ", KH, "H99.05",
         time(5, text="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(1500000, "Phí thẩm định: 1.500.000 đồng/hồ sơ", "charge")],
         [("", [comp("Đơn đề nghị thay đổi, bổ sung, cấp lại giấy chứng nhận", form="TT03/2014-M2"),
                comp("Tài liệu liên quan đến nội dung thay đổi, bổ sung tương ứng"), comp("Giấy chứng nhận đã được cấp")])],
         ["khcn", "nd08", "tt03", "tt298"], ["Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ"], "partial",
         SRC_KH + "; thành phần hồ sơ theo dichvucong.most.gov.vn; thời hạn và phí minh họa" + SRC_CODE,
         subjects=["Tổ chức khoa học và công nghệ"])
province("9.900603", "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước", KH, "H99.05",
         time(10, text="10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(0, "Không quy định.")],
         [("", [comp("Phiếu đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ", form="TT14/2014-M2"),
                comp("Báo cáo tổng hợp kết quả thực hiện nhiệm vụ (bản giấy và bản điện tử)")])],
         ["khcn", "tt14"], ["Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ"], "full",
         "Luật Khoa học và Công nghệ 2013, Thông tư 14/2014/TT-BKHCN; thời hạn minh họa" + SRC_CODE,
         subjects=["Tổ chức", "Cá nhân"])
province("9.900604", "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ", KH, "H99.05",
         time(7, text="07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(0, "Không quy định.")],
         [("", [comp("Đơn đề nghị chứng nhận doanh nghiệp khoa học và công nghệ", form="ND13/2019-M1"),
                comp("Văn bản xác nhận, công nhận kết quả khoa học và công nghệ", 0, 1),
                comp("Phương án sản xuất, kinh doanh sản phẩm hình thành từ kết quả khoa học và công nghệ")])],
         ["khcn", "nd13"], ["Giấy chứng nhận doanh nghiệp khoa học và công nghệ"], "partial",
         "Nghị định 13/2019/NĐ-CP; thời hạn minh họa" + SRC_CODE, subjects=["Doanh nghiệp"])
province("9.900605", "Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế", KH, "H99.05",
         time(15, text="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"), [fee(2000000, "Phí thẩm định: 2.000.000 đồng/thiết bị", "charge")],
         [("", [comp("Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ"),
                comp("Báo cáo đánh giá an toàn bức xạ"), comp("Phiếu khai báo thiết bị X-quang"),
                comp("Chứng chỉ nhân viên bức xạ của người phụ trách an toàn", 0, 1)])],
         ["nlnt", "khcn"], ["Giấy phép tiến hành công việc bức xạ"], "partial",
         "Luật Năng lượng nguyên tử; thời hạn và phí minh họa, không lấy từ nguồn công khai" + SRC_CODE,
         subjects=["Cơ sở y tế"])


def main():
    root = pathlib.Path(__file__).resolve().parent
    text = json.dumps(RECORDS, ensure_ascii=False, indent=2) + "\n"
    (root / "demo-catalog.json").write_text(text, encoding="utf-8")
    print(f"demo-catalog.json: {len(RECORDS)} procedures")


if __name__ == "__main__":
    main()
