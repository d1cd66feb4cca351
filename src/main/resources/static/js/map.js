// A small Leaflet map drawn from the city's own street boundaries (no tile server needed; an optional tile URL
// comes from the swift.web.map-tile-url setting). With data-map-pick, a click places a pin and finds the street.
(function () {
  function init(el) {
    var map = L.map(el, { attributionControl: false });
    fetch('/portal/map/settings').then(function (r) { return r.json(); }).then(function (s) {
      if (s.tileUrl) L.tileLayer(s.tileUrl, { maxZoom: 18 }).addTo(map);
    });
    fetch('/portal/map/streets.geojson').then(function (r) { return r.json(); }).then(function (geo) {
      var layer = L.geoJSON(geo, { style: { weight: 1, color: '#0b5cad', fillOpacity: 0.05 } }).addTo(map);
      map.fitBounds(layer.getBounds());
    });
    if (el.dataset.mapPick) {
      var marker = null;
      var lat = document.getElementById('lat'), lng = document.getElementById('lng');
      var code = document.getElementById('streetCode'), name = document.getElementById('street-name');
      function place(latlng) {
        if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng, { keyboard: false }).addTo(map);
        lat.value = latlng.lat.toFixed(6); lng.value = latlng.lng.toFixed(6);
        fetch('/portal/map/locate?lat=' + lat.value + '&lng=' + lng.value).then(function (r) { return r.json(); }).then(function (u) {
          if (code) code.value = u.code || '';
          if (name) name.textContent = u.name ? u.name + ' (' + u.code + ')' : name.dataset.unknown;
        });
      }
      map.on('click', function (e) { place(e.latlng); });
      if (lat.value && lng.value) place(L.latLng(parseFloat(lat.value), parseFloat(lng.value)));
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.map').forEach(init);
  });
})();
