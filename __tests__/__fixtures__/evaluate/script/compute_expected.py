#!/usr/bin/env python3
"""Expected rows of the `encord-script` method, computed independently of our TypeScript.

This is the loop of Encord's documented evaluation script (seed guide, STEP 5) transcribed over
the model-level fixture `projects.json` with plain dicts and Python floats, so that IEEE doubles
give the very values the script gives (including 1.0000000000000004). The SDK objects are replaced
by the smallest stand-ins the loop needs:

- `list_label_rows_v2(...)`   -> the fixture's `rows`, already the stage's rows in listing order;
- `get_object_instances()`    -> the row's `objects`, in first-appearance order;
- `oi.ontology_item.shape`    -> the shape of the ontology object with that feature hash;
- `oi.get_annotation(0)`      -> the annotation on frame 0, or None. (The SDK raises there; the
                                 script then crashes. We skip such boxes, as documented.)

Output: `expected_iou_results.csv`, written with the csv module as pandas `to_csv(index=False)`
writes it (minimal quoting, "\\n" line ends, floats as repr, None as an empty field).

Run: python3 compute_expected.py   (from this directory; rewrites the CSV)
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(HERE, "projects.json"), encoding="utf-8") as f:
    fixture = json.load(f)

SHAPE_OF = {o["featureHash"]: o["shape"] for o in fixture["ontology"]["objects"]}


def get_annotation(oi, frame):
    for annotation in oi["annotations"]:
        if annotation["frame"] == frame:
            return annotation
    return None


training_label_rows = fixture["training"]["rows"]
benchmark_label_rows = fixture["benchmark"]["rows"]

# --- the script from here on, with attribute access replaced by dict access ---

# Match by data_hash
benchmark_dict = {lr["dataHash"]: lr for lr in benchmark_label_rows}
paired_label_rows = [
    (benchmark_dict[lr["dataHash"]], lr)
    for lr in training_label_rows
    if lr["dataHash"] in benchmark_dict
]


def calculate_iou(bbox1, bbox2):
    x_left = max(bbox1["x"], bbox2["x"])
    y_top = max(bbox1["y"], bbox2["y"])
    x_right = min(bbox1["x"] + bbox1["w"], bbox2["x"] + bbox2["w"])
    y_bottom = min(bbox1["y"] + bbox1["h"], bbox2["y"] + bbox2["h"])
    intersection = max(0, x_right - x_left) * max(0, y_bottom - y_top)
    union = bbox1["w"] * bbox1["h"] + bbox2["w"] * bbox2["h"] - intersection
    return intersection / union if union > 0 else 0.0


results = []
for bm_lr, prod_lr in paired_label_rows:
    prod_instances = [
        oi for oi in prod_lr["objects"]
        if SHAPE_OF[oi["featureHash"]] == "bounding_box" and get_annotation(oi, 0)
    ]
    bm_instances = [
        oi for oi in bm_lr["objects"]
        if SHAPE_OF[oi["featureHash"]] == "bounding_box" and get_annotation(oi, 0)
    ]

    training_data_unit_name = prod_lr["dataTitle"]
    training_label_id = prod_lr["labelHash"]

    for prod_obj in prod_instances:
        best_iou = 0.0
        best_match_hash = None
        prod_bbox = get_annotation(prod_obj, 0)["geometry"]
        training_email = get_annotation(prod_obj, 0)["createdBy"]

        for bm_obj in bm_instances:
            bm_bbox = get_annotation(bm_obj, 0)["geometry"]
            iou = calculate_iou(prod_bbox, bm_bbox)
            if iou > best_iou:
                best_iou = iou
                best_match_hash = bm_obj["featureHash"]

        class_score = 1.0 if best_match_hash == prod_obj["featureHash"] and best_match_hash is not None else 0.0

        results.append({
            "training_email": training_email,
            "data_unit_name": training_data_unit_name,
            "label_id": training_label_id,
            "iou_score": best_iou,
            "class_score": class_score,
        })

# --- output as pandas to_csv(index=False) writes it ---
COLUMNS = ["training_email", "data_unit_name", "label_id", "iou_score", "class_score"]
with open(os.path.join(HERE, "expected_iou_results.csv"), "w", encoding="utf-8", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(COLUMNS)
    for result in results:
        writer.writerow(["" if result[c] is None else result[c] for c in COLUMNS])
