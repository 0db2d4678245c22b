// Tables read as cards on a phone (site.css): each cell shows its column's heading, taken
// here from the table's <thead> for the tables whose templates give no data-label of their own.
document.querySelectorAll("table").forEach(function (table) {
  if (table.querySelector("[data-label]")) { return; }
  var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
    return th.textContent.trim();
  });
  if (!heads.length) { return; }
  table.querySelectorAll("tbody tr").forEach(function (row) {
    Array.prototype.forEach.call(row.children, function (cell, index) {
      if (heads[index] && !cell.hasAttribute("colspan")) { cell.setAttribute("data-label", heads[index]); }
    });
  });
});
