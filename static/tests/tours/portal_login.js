/**
 * The first steps of every portal tour: on Odoo's login page, type the login and the password
 * (the tests set the password to the login) and log in.
 * (Odoo's login page is not audited by the tours: axe finds html-has-lang, button-name and
 * target-size on it, Odoo's own markup; see the README.)
 */
export function portalLogin(who, login) {
    return [
        { content: `${who} types their login`, trigger: "input#login", run: `edit ${login}` },
        { trigger: "input#password", run: `edit ${login}` },
        {
            content: "log in",
            trigger: "button[type=submit]:contains(Log in)",
            run: "click",
            expectUnloadPage: true,
        },
    ];
}
