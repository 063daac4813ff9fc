// Draws the point price series (from the page's JSON, the API's /prices view) as a zoomable line.
// Prices arrive as exact decimal strings; they become numbers here only to be plotted, never computed with.
// Marks: subsidies (data-marks, dashed) and forced exits (the #exit-marks JSON, dotted, with how many exited).
(function () {
  var element = document.getElementById('price-chart');
  var data = document.getElementById('price-data');
  if (!element || !data || !window.echarts) { return; }
  var series = JSON.parse(data.textContent || '[]');
  var subsidyLabel = element.getAttribute('data-mark-label') || '';
  var marks = (element.getAttribute('data-marks') || '').split(' ').filter(Boolean).map(function (at) {
    return { xAxis: at, label: { formatter: subsidyLabel }, lineStyle: { color: '#e0a800', type: 'dashed' } };
  });
  var exitData = document.getElementById('exit-marks');
  var exitLabel = element.getAttribute('data-exit-label') || '';
  JSON.parse((exitData && exitData.textContent) || '[]').forEach(function (mark) {
    marks.push({ xAxis: mark.at, exits: mark.exits, label: { formatter: mark.exits > 1 ? exitLabel + ' ×' + mark.exits : exitLabel,
      position: 'insideEndTop' }, lineStyle: { color: '#1565c0', type: 'dotted', width: 2 } });
  });
  var chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', scale: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 8 }],
    series: [{
      // A young economy has few prices: show them as dots, or a single price would draw nothing.
      type: 'line', showSymbol: series.length < 60, name: element.getAttribute('data-label') || '', step: 'end', lineStyle: { color: '#b71c1c' },
      data: series.map(function (p) { return [p.at, Number(p.price)]; }),
      markLine: marks.length ? { symbol: 'none', data: marks } : undefined
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
