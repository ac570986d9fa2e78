/* Map picker of the problem form (cases/browser/views.py LocationPickerViewlet): no library, no network.
 * The map (SVG drawn on the server from network/data/zabrze.geojson) is moved next to the latitude field;
 * a click or touch sets the point, the keyboard moves a marker (arrow keys; with Shift in small steps) and
 * Enter or Space sets it. The latitude and longitude fields stay and are filled in; typing into them moves
 * the point. The address field remains the alternative; the server checks the point lies inside the city. */
(function () {
  "use strict";

  function start() {
    var picker = document.getElementById("ezabrze-location-picker");
    var lat = document.getElementById("form-widgets-latitude");
    var lon = document.getElementById("form-widgets-longitude");
    if (!picker || !lat || !lon || picker.dataset.ready) {
      return;
    }
    picker.dataset.ready = "1";
    var field = lat.closest(".field") || lat.parentNode;
    field.parentNode.insertBefore(picker, field);
    picker.hidden = false;

    var map = picker.querySelector(".ezabrze-location-picker-map");
    var svg = picker.querySelector("svg");
    var city = svg.querySelector("path.city");
    var districts = Array.prototype.slice.call(svg.querySelectorAll("path.district"));
    var cursor = svg.querySelector("g.cursor");
    var point = svg.querySelector("g.point");
    var status = picker.querySelector(".ezabrze-location-picker-status");
    var clear = picker.querySelector(".ezabrze-location-picker-clear");
    var messages = picker.querySelector("template.messages").content;
    var d = picker.dataset;
    var west = parseFloat(d.west), north = parseFloat(d.north), scaleX = parseFloat(d.scaleX);
    var factor = parseFloat(d.factor), margin = parseFloat(d.margin);
    var box = svg.viewBox.baseVal;
    var current = {x: box.width / 2, y: box.height / 2};

    function toLonLat(x, y) {
      return {lon: west + (x - margin) / (scaleX * factor), lat: north - (y - margin) / factor};
    }
    function toXY(lonValue, latValue) {
      return {x: margin + (lonValue - west) * scaleX * factor, y: margin + (north - latValue) * factor};
    }
    function svgPoint(x, y) {
      var p = svg.createSVGPoint();
      p.x = x;
      p.y = y;
      return p;
    }
    function inside(x, y) {
      return city.isPointInFill(svgPoint(x, y));
    }
    function districtAt(x, y) {
      for (var i = 0; i < districts.length; i++) {
        if (districts[i].isPointInFill(svgPoint(x, y))) {
          return districts[i].dataset.name;
        }
      }
      return "";
    }
    function say(name, values) {
      var template = messages.querySelector('[data-message="' + name + '"]');
      var text = template.cloneNode(true);
      Object.keys(values || {}).forEach(function (key) {
        var slot = text.querySelector("." + key);
        if (slot) {
          slot.textContent = values[key];
        }
      });
      status.textContent = text.textContent.replace(/\s+/g, " ").trim();
    }
    function place(group, x, y) {
      group.setAttribute("transform", "translate(" + x.toFixed(1) + "," + y.toFixed(1) + ")");
      group.setAttribute("display", "inline");
    }
    function number(value) {
      return parseFloat(String(value).replace(",", "."));
    }
    function set(x, y) {
      if (!inside(x, y)) {
        say("outside");
        return;
      }
      current = {x: x, y: y};
      place(cursor, x, y);
      place(point, x, y);
      var at = toLonLat(x, y);
      lat.value = at.lat.toFixed(5);
      lon.value = at.lon.toFixed(5);
      [lat, lon].forEach(function (input) {
        input.dispatchEvent(new Event("change", {bubbles: true}));
      });
      clear.disabled = false;
      say("set", {lat: lat.value, lon: lon.value, district: districtAt(x, y) || "—"});
    }
    function fromFields() {
      var latValue = number(lat.value), lonValue = number(lon.value);
      if (isNaN(latValue) || isNaN(lonValue)) {
        point.setAttribute("display", "none");
        return;
      }
      var at = toXY(lonValue, latValue);
      current = at;
      place(cursor, at.x, at.y);
      place(point, at.x, at.y);
      clear.disabled = false;
    }

    svg.addEventListener("click", function (event) {
      var matrix = svg.getScreenCTM();
      if (!matrix) {
        return;
      }
      var p = svgPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
      set(p.x, p.y);
    });
    map.addEventListener("focus", function () {
      place(cursor, current.x, current.y);
    });
    map.addEventListener("keydown", function (event) {
      var step = event.shiftKey ? 2 : 10;
      var moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
      if (moves[event.key]) {
        event.preventDefault();
        current = {
          x: Math.min(Math.max(current.x + moves[event.key][0], 0), box.width),
          y: Math.min(Math.max(current.y + moves[event.key][1], 0), box.height),
        };
        place(cursor, current.x, current.y);
        if (inside(current.x, current.y)) {
          say("cursor", {district: districtAt(current.x, current.y) || "—"});
        } else {
          say("cursor-outside");
        }
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();  // Enter would submit the form
        set(current.x, current.y);
      }
    });
    clear.addEventListener("click", function () {
      lat.value = "";
      lon.value = "";
      point.setAttribute("display", "none");
      clear.disabled = true;
      say("cleared");
    });
    [lat, lon].forEach(function (input) {
      input.addEventListener("input", fromFields);
    });
    fromFields();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
