/*
 * The rule-set upload (templates/rulesets/versions.html): files dragged onto the drop zone go into the form's file
 * fields, tables (.xlsx, .csv) into "table" and scenarios (.json) into "scenario", so that the form posts them as if
 * they had been chosen. Without this script the drop zone stays hidden and the file fields work as they are.
 */
(function () {
  'use strict';

  function add(input, files) {
    var all = new DataTransfer();
    for (var i = 0; i < input.files.length; i++) {
      all.items.add(input.files[i]);
    }
    for (var j = 0; j < files.length; j++) {
      all.items.add(files[j]);
    }
    input.files = all.files;
  }

  function names(form) {
    var out = [];
    var inputs = form.querySelectorAll('input[type="file"]');
    for (var i = 0; i < inputs.length; i++) {
      for (var j = 0; j < inputs[i].files.length; j++) {
        out.push(inputs[i].files[j].name);
      }
    }
    return out.join(', ');
  }

  function show(form) {
    var dropped = form.querySelector('[data-dropped]');
    if (dropped) {
      var chosen = names(form);
      dropped.textContent = chosen ? dropped.getAttribute('data-template').replace('{0}', chosen) : '';
    }
  }

  function enhance(form) {
    var zone = form.querySelector('[data-drop-zone]');
    var tables = form.querySelector('input[name="table"]');
    var scenarios = form.querySelector('input[name="scenario"]');
    if (!zone || !tables || !scenarios || typeof DataTransfer === 'undefined') {
      return;
    }
    zone.hidden = false;
    zone.addEventListener('dragover', function (event) {
      event.preventDefault();
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', function () {
      zone.classList.remove('dragging');
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      zone.classList.remove('dragging');
      var json = [];
      var other = [];
      var files = event.dataTransfer ? event.dataTransfer.files : [];
      for (var i = 0; i < files.length; i++) {
        (/\.json$/i.test(files[i].name) ? json : other).push(files[i]);
      }
      add(tables, other);
      add(scenarios, json);
      show(form);
    });
    tables.addEventListener('change', function () { show(form); });
    scenarios.addEventListener('change', function () { show(form); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var forms = document.querySelectorAll('form[data-drop-form]');
    for (var i = 0; i < forms.length; i++) {
      enhance(forms[i]);
    }
  });
}());
