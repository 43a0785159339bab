window.YTD.following.part0 = [
  {
    "following": {
      "accountId": "1500000202",
      "userLink": "https://twitter.com/intent/user?user_id=1500000202"
    }
  }
]
