// Dashboard charts (ECharts, served from the webjar): 30-day trend, open orders by state, category mix and a
// choropleth of orders per street drawn from the city's own boundary polygons (no tile server).
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var label = document.getElementById('charts').dataset.count;
    var stateNames = {};
    document.querySelectorAll('#state-names li').forEach(function (li) { stateNames[li.dataset.state] = li.textContent; });
    Promise.all([
      fetch('/dashboard/data', { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); }),
      fetch('/portal/map/streets.geojson').then(function (r) { return r.json(); })
    ]).then(function (res) {
      var data = res[0], o = data.overview, geo = res[1];
      var trend = echarts.init(document.getElementById('chart-trend'));
      trend.setOption({ tooltip: { trigger: 'axis' }, grid: { left: 40, right: 10, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: o.trend.map(function (d) { return d.day.substring(5); }) },
        yAxis: { type: 'value', minInterval: 1 }, series: [{ name: label, type: 'line', smooth: true, areaStyle: {}, data: o.trend.map(function (d) { return d.count; }) }] });
      var states = echarts.init(document.getElementById('chart-states'));
      var sk = Object.keys(o.backlogByState);
      states.setOption({ tooltip: {}, grid: { left: 100, right: 10, top: 10, bottom: 20 }, xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: sk.map(function (k) { return stateNames[k] || k; }) },
        series: [{ name: label, type: 'bar', data: sk.map(function (k) { return o.backlogByState[k]; }) }] });
      var cats = echarts.init(document.getElementById('chart-categories'));
      cats.setOption({ tooltip: { trigger: 'item' }, series: [{ name: label, type: 'pie', radius: ['35%', '70%'],
        data: Object.keys(o.byCategoryLevel1).map(function (k) { return { name: data.categoryNames[k] || k, value: o.byCategoryLevel1[k] }; }) }] });
      var names = {};
      geo.features.forEach(function (f) { names[f.properties.code] = f.properties.name; });
      echarts.registerMap('city-streets', geo);
      var values = Object.keys(o.byStreet).map(function (k) { return o.byStreet[k]; });
      var map = echarts.init(document.getElementById('chart-map'));
      map.setOption({ tooltip: { trigger: 'item', formatter: function (p) { return (names[p.name] || p.name) + ': ' + (isNaN(p.value) ? 0 : p.value); } },
        visualMap: { min: 0, max: Math.max(1, Math.max.apply(null, values.concat([1]))), left: 0, bottom: 0, calculable: true,
          inRange: { color: ['#e8f1fb', '#0b5cad'] } },
        series: [{ name: label, type: 'map', map: 'city-streets', nameProperty: 'code', roam: true,
          data: Object.keys(o.byStreet).map(function (k) { return { name: k, value: o.byStreet[k] }; }) }] });
      window.addEventListener('resize', function () { [trend, states, cats, map].forEach(function (c) { c.resize(); }); });
      document.getElementById('charts').dataset.ready = 'true';
    });
  });
})();
