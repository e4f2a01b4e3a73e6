/*
 * The pages' only script of their own (no inline script: the Content-Security-Policy forbids it).
 * - htmx requests carry the CSRF token of the page's <meta name="_csrf"> in the header it names.
 * - An error summary marked data-focus gets the focus when the page opens, so that a screen reader reads it first.
 * - Progressive enhancement: an element with data-show-when="name=value" is shown only while the form control
 *   "name" has "value" checked (without this script every question is shown, and the server ignores the rest).
 */
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) {
      event.detail.headers[c.header] = c.token;
    }
  });

  function checked(form, name, value) {
    var controls = form ? form.querySelectorAll('[name="' + name + '"]') : [];
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      if ((control.type === 'checkbox' || control.type === 'radio') ? control.checked && control.value === value
          : control.value === value) {
        return true;
      }
    }
    return false;
  }

  function showWhen(root) {
    var dependents = (root || document).querySelectorAll('[data-show-when]');
    for (var i = 0; i < dependents.length; i++) {
      var element = dependents[i];
      var rule = element.getAttribute('data-show-when');
      var at = rule.indexOf('=');
      var shown = checked(element.closest('form'), rule.substring(0, at), rule.substring(at + 1));
      element.hidden = !shown;
      var controls = element.querySelectorAll('input, select, textarea');
      for (var j = 0; j < controls.length; j++) {
        controls[j].disabled = !shown; // a hidden question is not sent
      }
    }
  }

  document.addEventListener('change', function () {
    showWhen(document);
  });

  document.addEventListener('DOMContentLoaded', function () {
    showWhen(document);
    var summary = document.querySelector('[data-focus]');
    if (summary) {
      summary.focus();
    }
  });
})();
