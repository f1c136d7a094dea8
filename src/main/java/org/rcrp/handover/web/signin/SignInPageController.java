package org.rcrp.handover.web.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page of the demo identity (the form posts to Spring Security's {@code POST /login}). */
@Controller
class SignInPageController {

    @GetMapping("/login")
    String login() {
        return "signin/login";
    }
}
