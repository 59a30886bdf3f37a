'use strict';
// The editors' admin (templates/admin/base_site.html loads this in <head>, not deferred).
// A file, not inline code: the Content-Security-Policy allows scripts from this origin only.
{
    // 1. The side navigation starts closed on screens narrower than 1600 px, where it would
    //    take a quarter of a 1366 px laptop's width from the form. Django's nav_sidebar.js
    //    (deferred, so it runs after this) reads the editor's own choice from localStorage and
    //    opens the menu when there is none: until the editor chooses, "closed" is put there
    //    for this page only and taken back once the menu is drawn, so a wider screen later
    //    still opens it.
    const KEY = 'django.admin.navSidebarIsOpen';
    const WIDE = 1600;
    try {
        if (localStorage.getItem(KEY) === null && window.innerWidth < WIDE) {
            localStorage.setItem(KEY, 'false');
            document.addEventListener('DOMContentLoaded', () => {
                if (localStorage.getItem(KEY) === 'false') {
                    localStorage.removeItem(KEY);
                }
            });
        }
    } catch (error) {
        // No localStorage (a privacy setting): Django's menu keeps its default.
    }

    // 2. Autocomplete fields (select2) named after their label. Select2 draws a combobox
    //    labelled only by the chosen value (nothing when empty) and a search box with no
    //    name at all; screen readers announced "combobox, blank". Each is given the label of
    //    the field it stands for, including rows added later and boxes drawn again.
    function labelOf(select) {
        const label = select.id ? document.querySelector(`label[for="${CSS.escape(select.id)}"]`) : null;
        if (label === null) {
            return {id: null, text: select.getAttribute('aria-label') || select.name};
        }
        if (!label.id) {
            label.id = `${select.id}-label`;
        }
        return {id: label.id, text: label.textContent.replace(/:\s*$/, '').trim()};
    }

    function labelBy(element, label) {
        if (label.id === null) {
            element.setAttribute('aria-label', label.text);
            return;
        }
        const ids = (element.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
        if (!ids.includes(label.id)) {
            element.setAttribute('aria-labelledby', [label.id, ...ids].join(' '));
        }
    }

    // The combobox, the read-only box showing the choice inside it, and the search box.
    const NAMED = '.select2-selection[role="combobox"], .select2-selection__rendered[role="textbox"], .select2-search__field';

    function nameAutocompletes() {
        document.querySelectorAll('select.admin-autocomplete').forEach((select) => {
            const container = select.nextElementSibling;
            if (container === null || !container.classList.contains('select2-container')) {
                return;
            }
            const label = labelOf(select);
            container.querySelectorAll(NAMED).forEach(
                (element) => labelBy(element, label)
            );
            // The "remove all" cross sits inside the list of chosen items, where only list items
            // belong; it is for the mouse (Backspace does the same from the keyboard).
            container.querySelectorAll('.select2-selection__clear').forEach(
                (cross) => cross.setAttribute('aria-hidden', 'true')
            );
        });
    }

    let pending = false;
    function nameSoon() {
        if (!pending) {
            pending = true;
            window.requestAnimationFrame(() => {
                pending = false;
                nameAutocompletes();
            });
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        nameAutocompletes();
        new MutationObserver(nameSoon).observe(document.body, {childList: true, subtree: true});
        // The search box of an open single-choice field lives in a dropdown at the end of the page.
        if (window.django && django.jQuery) {
            django.jQuery(document).on('select2:open', (event) => {
                const select2 = django.jQuery(event.target).data('select2');
                if (select2 && select2.$dropdown) {
                    select2.$dropdown.find('.select2-search__field').attr('aria-label', labelOf(event.target).text);
                }
            });
        }
    });
}
